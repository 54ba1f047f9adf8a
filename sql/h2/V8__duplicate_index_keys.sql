-- The duplicate index's keys change (V7 came before any release): 48 MinHash bands of 5 rows instead of 32 of 3, so
-- that questions sharing their cell's phrasing stop being candidates of each other, and 3-gram hashes computed from
-- word hashes. Keys stored under V7 would never be found again, so its claims and keys are dropped, not kept stale.
--
-- The keys' primary key now leads with key_hash: a new question looks its keys up with key_hash IN (...), which H2
-- and PostgreSQL answer with one index seek per key only when key_hash is the index's first column. Led by
-- dataset_id, H2 scanned all of the dataset's keys on every claim (0.8 ms at 50,000 claims, growing with them).
DROP TABLE duplicate_claim_key;
DROP TABLE duplicate_claim;

CREATE TABLE duplicate_claim (
    dataset_id      BIGINT          NOT NULL,
    job_instance_id BIGINT          NOT NULL,
    slot            INTEGER         NOT NULL,
    question        VARCHAR(1000000) NOT NULL,
    CONSTRAINT duplicate_claim_pk PRIMARY KEY (dataset_id, job_instance_id, slot)
);

CREATE TABLE duplicate_claim_key (
    key_hash        BIGINT  NOT NULL,
    dataset_id      BIGINT  NOT NULL,
    job_instance_id BIGINT  NOT NULL,
    slot            INTEGER NOT NULL,
    CONSTRAINT duplicate_claim_key_pk PRIMARY KEY (key_hash, dataset_id, job_instance_id, slot)
);
