package dev.legalgen.quality.citation;

/**
 * {@code legalgen.quality.citations}: what a run does with a sample whose citation check does not {@linkplain
 * CitationCheck#passes() pass}. Applying it is the job's part.
 */
public enum CitationPolicy {
    /** Ask the model again for the sample. */
    REASK,
    /** Keep the sample, its {@code citation_check} saying what was found. */
    FLAG,
    /** No check: samples carry no {@code citation_check}. */
    OFF
}
