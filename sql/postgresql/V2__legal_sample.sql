-- Samples are the system of record: a row exists once its chunk committed.
-- (job_instance_id, slot) is unique, so a slot can never be written twice, even across restarts.
CREATE TABLE legal_sample (
    id              VARCHAR(100) PRIMARY KEY,
    job_instance_id BIGINT        NOT NULL,
    slot            INTEGER       NOT NULL,
    batch_id        VARCHAR(64)   NOT NULL,
    provider        VARCHAR(64)   NOT NULL,
    model           VARCHAR(128)  NOT NULL,
    practice_area   VARCHAR(128)  NOT NULL,
    topic           VARCHAR(300)  NOT NULL,
    difficulty      VARCHAR(16)   NOT NULL,
    question        TEXT NOT NULL,
    answer          TEXT NOT NULL,
    reasoning       TEXT NOT NULL,
    case_citation   TEXT NOT NULL,
    tokens_used     INTEGER       NOT NULL,
    latency_ms      BIGINT        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT legal_sample_slot_uk UNIQUE (job_instance_id, slot)
);

-- Provider and model switches, breaker transitions, skips and failures, with their category.
CREATE TABLE generation_event (
    id               BIGSERIAL PRIMARY KEY,
    job_instance_id  BIGINT        NOT NULL,
    job_execution_id BIGINT        NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    provider         VARCHAR(64),
    model            VARCHAR(128),
    category         VARCHAR(32),
    slot             INTEGER,
    reason           VARCHAR(500)  NOT NULL
);
CREATE INDEX generation_event_instance_idx ON generation_event (job_instance_id, occurred_at);
