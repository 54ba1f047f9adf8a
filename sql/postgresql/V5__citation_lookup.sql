-- Answers of the citation lookup service (CourtListener), one row per normalised citation ("347 U.S. 483"), so
-- that a citation is looked up once across runs and restarts: the service allows 60 citations a minute.
-- outcome is FOUND or NOT_FOUND; failures and throttled attempts are not kept, so they are tried again later.
CREATE TABLE citation_lookup (
    citation     VARCHAR(300) NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    looked_up_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT citation_lookup_pk PRIMARY KEY (citation)
);
