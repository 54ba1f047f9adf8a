-- Answers accepted from a provider whose chunk has not committed yet. Each is written at once, in a
-- transaction of its own, before its item returns to the chunk: a crash then loses only the calls in
-- flight, and the restart reuses a slot's journaled answer instead of paying for it again. The chunk
-- transaction that inserts a slot into legal_sample deletes its journal rows, so both commit together.
-- job_execution_id is the execution that paid for the answer: an execution only ever inserts rows of
-- its own, so a late answer of a failed execution never collides with its restart's.
CREATE TABLE answer_journal (
    job_instance_id  BIGINT        NOT NULL,
    slot             INTEGER       NOT NULL,
    job_execution_id BIGINT        NOT NULL,
    id               VARCHAR(100)  NOT NULL,
    batch_id         VARCHAR(64)   NOT NULL,
    provider         VARCHAR(64)   NOT NULL,
    model            VARCHAR(128)  NOT NULL,
    practice_area    VARCHAR(128)  NOT NULL,
    topic            VARCHAR(300)  NOT NULL,
    difficulty       VARCHAR(16)   NOT NULL,
    question         TEXT NOT NULL,
    answer           TEXT NOT NULL,
    reasoning        TEXT NOT NULL,
    case_citation    TEXT NOT NULL,
    tokens_used      INTEGER       NOT NULL,
    latency_ms       BIGINT        NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT answer_journal_pk PRIMARY KEY (job_instance_id, slot, job_execution_id)
);
