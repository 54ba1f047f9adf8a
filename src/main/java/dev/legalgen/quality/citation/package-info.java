/**
 * The citation check of the dataset's quality: parses a sample's {@code case_citation}, classifies it against a
 * table of reporters (derived from Free Law Project's reporters-db, plus English and Commonwealth reporters) and,
 * when a CourtListener token is configured, verifies it with CourtListener's citation-lookup API, caching answers
 * in the database. Owns the {@code citation_lookup} table and the settings {@code legalgen.quality.citations} and
 * {@code legalgen.quality.court-listener.*}. May use Spring's RestClient and JdbcTemplate, {@code config} and
 * {@code provider}'s {@code Sleeper}; knows nothing of the job, its operators, the command line, the REST API or
 * the provider chains.
 */
package dev.legalgen.quality.citation;
