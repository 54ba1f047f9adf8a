package dev.legalgen.quality.citation;

/** A service that can tell whether a citation exists; {@link #NONE} when none is configured. */
@FunctionalInterface
public interface CitationLookup {

    CitationLookup NONE = citation -> LookupOutcome.UNAVAILABLE;

    /** Called for citations the static check recognized; never throws. */
    LookupOutcome find(CaseCitation citation);
}
