-- Remote partitioning: what the processes of a run found out about its routes, so that the others act on it
-- without finding it out again: a provider out (model ''), a model out, a breaker opened by repeated failures
-- (open_until: when its cooldown ends, by the database's clock). One row per execution, route and kind; a breaker
-- opened again moves its row's open_until on.
CREATE TABLE route_outage (
    job_execution_id     BIGINT        NOT NULL,
    provider             VARCHAR(64)   NOT NULL,
    model                VARCHAR(200)  NOT NULL,
    kind                 VARCHAR(16)   NOT NULL,
    why                  VARCHAR(2000) NOT NULL,
    worker               VARCHAR(300)  NOT NULL,
    open_until           TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (job_execution_id, provider, model, kind)
);
