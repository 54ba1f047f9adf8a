package dev.legalgen.quality.citation;

import dev.legalgen.quality.citation.CaseCitation.Reference;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Gives a sample's {@code case_citation} its {@link CitationCheck}. Thread-safe. */
public final class CitationChecker {

    /** What the prompt asks for when no case states the rule; compared trimmed and ignoring case. */
    public static final String NO_CONTROLLING_CASE = "No single controlling case";

    private final ReporterTable reporters;
    private final Clock clock;
    private final CitationLookup lookup;

    public CitationChecker(ReporterTable reporters, Clock clock, CitationLookup lookup) {
        this.reporters = reporters;
        this.clock = clock;
        this.lookup = lookup;
    }

    public CitationCheck check(String caseCitation) {
        if (caseCitation == null) {
            return CitationCheck.MALFORMED;
        }
        if (caseCitation.strip().equalsIgnoreCase(NO_CONTROLLING_CASE)) {
            return CitationCheck.NONE;
        }
        Optional<CaseCitation> parsed = CaseCitationParser.parse(caseCitation);
        if (parsed.isEmpty()) {
            return CitationCheck.MALFORMED;
        }
        CitationCheck check = classify(parsed.get());
        if (check == CitationCheck.RECOGNIZED && lookup.find(parsed.get()) == LookupOutcome.FOUND) {
            return CitationCheck.VERIFIED;
        }
        return check;
    }

    /** Every reference's reporter must be known and cover the year; no year may lie after this one. */
    CitationCheck classify(CaseCitation citation) {
        boolean inRange = citation.year() <= LocalDate.now(clock).getYear();
        for (Reference reference : citation.references()) {
            List<ReporterEdition> editions = reporters.editions(reference.reporter());
            if (editions.isEmpty()) {
                return CitationCheck.UNRECOGNIZED_REPORTER;
            }
            inRange &= covers(editions, citation.year());
        }
        return inRange ? CitationCheck.RECOGNIZED : CitationCheck.DATE_OUT_OF_RANGE;
    }

    private static boolean covers(List<ReporterEdition> editions, int year) {
        for (ReporterEdition edition : editions) {
            if (edition.covers(year)) {
                return true;
            }
        }
        return false;
    }
}
