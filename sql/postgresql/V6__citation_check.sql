-- The outcome of the citation check of a sample's case_citation (recognized, verified, unrecognized_reporter,
-- date_out_of_range, malformed, none); null when legalgen.quality.citations=off.
ALTER TABLE legal_sample ADD COLUMN citation_check VARCHAR(32);
ALTER TABLE answer_journal ADD COLUMN citation_check VARCHAR(32);
