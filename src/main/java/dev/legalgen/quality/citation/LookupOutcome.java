package dev.legalgen.quality.citation;

/** What a lookup service said of a citation. */
public enum LookupOutcome {
    /** It knows a decision at that volume, reporter and page. */
    FOUND,
    /** It knows the reporter but no decision there, or not the reporter: the static check stands. */
    NOT_FOUND,
    /** No answer (not covered, throttled too long, failed, off): the static check stands; nothing is cached. */
    UNAVAILABLE
}
