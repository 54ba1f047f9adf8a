-- Remote partitioning: the sum of the provider's provider_token_use rows, kept under the same row lock as they
-- change, so that a call's reservation reads one number instead of summing the last minute's calls.
ALTER TABLE provider_pace ADD COLUMN tokens_counting BIGINT DEFAULT 0 NOT NULL;
