-- How many generations a slot took (a re-ask after a failed quality check is another), exported as "attempts".
ALTER TABLE legal_sample ADD COLUMN attempts INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE answer_journal ADD COLUMN attempts INTEGER DEFAULT 1 NOT NULL;
