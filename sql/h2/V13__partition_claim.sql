-- Remote partitioning (legalgen.job.partitioning=remote). A worker claims a partition of the generate step (its step
-- execution) before running it: the first insert wins, so a partition request the broker delivers twice never runs
-- twice. worker is host:pid, which status shows beside each partition; heartbeat_at is renewed while it runs.
CREATE TABLE partition_claim (
    step_execution_id    BIGINT        NOT NULL PRIMARY KEY,
    job_execution_id     BIGINT        NOT NULL,
    worker               VARCHAR(255)  NOT NULL,
    claimed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX partition_claim_job_idx ON partition_claim (job_execution_id);
