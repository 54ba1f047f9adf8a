-- Remote partitioning: the next start of a call to each provider, shared by every worker process, so that together
-- they space their calls as one process does (60 s / requests-per-minute apart). A worker books a start by moving
-- next_start on under a row lock, then waits until the start it booked.
CREATE TABLE provider_pace (
    provider             VARCHAR(64)   NOT NULL PRIMARY KEY,
    next_start           TIMESTAMP WITH TIME ZONE NOT NULL
);
