package dev.legalgen.quality.citation;

import dev.legalgen.quality.citation.CaseCitation.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a full case citation as models write them: "Brown v. Board of Education, 347 U.S. 483, 495 (1954)",
 * a court before the year ("(2d Cir. 1996)"), multi-word reporters ("F. Supp. 2d", "N.Y.S.2d"), parallel
 * citations, an early volume's nominative reporter ("5 U.S. (1 Cranch) 137"), and English forms with the year
 * first ("[1893] 1 Q.B. 256 (CA)", "(1854) 9 Exch 341", "(1868) L.R. 3 H.L. 330"). Anything else (prose, statutes,
 * short forms, subsequent history) is not a case citation. The patterns are compiled once.
 */
public final class CaseCitationParser {

    /** Longer text is prose, not one citation: it never reaches the patterns. */
    static final int MAX_LENGTH = 300;

    /** A word of a reporter ("F.", "Supp.", "App'x", "&", "N.Y.S.2d") or a series ordinal ("2d", "4th"). */
    private static final String REPORTER =
            "[A-Za-z&'][A-Za-z0-9.&']*(?: (?:[A-Za-z&'][A-Za-z0-9.&']*|\\d+(?:d|st|nd|rd|th)\\.?))*";
    /** A pin cite is followed by the next one, the next reference or the end: "483, 495, 74 S. Ct. 686". */
    private static final String PINS = "(?:, \\d+[a-z]?(?:-\\d+[a-z]?)?(?: n\\. ?\\d+)?(?=,|$))*";
    /** "(1 Cranch)" after "5 U.S.": repeats the volume under its nominative reporter; the official one is checked. */
    private static final String NOMINATIVE = "(?: \\(\\d+ [^()]+\\))?";

    private static final Pattern REFERENCE = Pattern.compile(reference(true));
    /** The name ends where the references (a volume, "L.R.") or an English year begin: few places to try. */
    private static final Pattern CITATION = Pattern.compile("^(?<name>[^\\[(]*?),? "
            + "(?=\\d|\\[\\d{4}\\] |\\(\\d{4}\\) |L\\.? ?R\\.? \\d)"
            + "(?:\\[(?<squareYear>\\d{4})\\] |\\((?<roundYear>\\d{4})\\) )?"
            + "(?<references>" + reference(false) + "(?:, " + reference(false) + ")*)$");

    private static final Pattern COURT_AND_YEAR = Pattern.compile("^(?<court>.*?),? ?(?<year>\\d{4})$");

    private CaseCitationParser() {}

    /** The citation in {@code text}, or empty when {@code text} is not one full case citation. */
    public static Optional<CaseCitation> parse(String text) {
        String citation = CitationText.normalized(text);
        if (citation.length() > MAX_LENGTH || !CitationText.contains(citation, Character::isDigit)) {
            return Optional.empty();
        }
        List<String> parentheticals = new ArrayList<>(2);
        int end = CitationText.trailingParentheticals(citation, parentheticals);
        if (end < 0) {
            return Optional.empty();
        }
        Matcher matcher = CITATION.matcher(citation).region(0, end);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = matcher.group("name").strip();
        boolean yearAsVolume = matcher.group("squareYear") != null;
        String leadingYear = yearAsVolume ? matcher.group("squareYear") : matcher.group("roundYear");
        List<Reference> references = references(matcher.group("references"), yearAsVolume);
        if (references == null || !CitationText.contains(name, Character::isLetter)) {
            return Optional.empty();
        }
        return dated(name, references, leadingYear, parentheticals);
    }

    /** The year comes first in English forms, else from the parenthetical after the references. */
    private static Optional<CaseCitation> dated(
            String name, List<Reference> references, String leadingYear, List<String> parentheticals) {
        String first = parentheticals.isEmpty() ? null : parentheticals.get(0);
        Matcher courtAndYear = first == null ? null : COURT_AND_YEAR.matcher(first);
        boolean firstHasYear = courtAndYear != null && courtAndYear.matches();
        if (leadingYear != null) {
            String court = first == null ? "" : firstHasYear ? courtAndYear.group("court") : first;
            return Optional.of(new CaseCitation(name, references, court, Integer.parseInt(leadingYear)));
        }
        if (!firstHasYear) {
            return Optional.empty();
        }
        return Optional.of(new CaseCitation(
                name, references, courtAndYear.group("court"), Integer.parseInt(courtAndYear.group("year"))));
    }

    /** Null unless every reference has a volume, except where a bracketed year stands for it. */
    private static List<Reference> references(String text, boolean yearAsVolume) {
        List<Reference> references = new ArrayList<>(2);
        Matcher matcher = REFERENCE.matcher(text);
        int position = 0;
        while (true) {
            matcher.region(position, text.length());
            if (!matcher.lookingAt()) {
                return null;
            }
            String volume = matcher.group("volume") == null ? "" : matcher.group("volume");
            if (volume.isEmpty() && (!yearAsVolume || matcher.group("lawReports") != null)) {
                return null;
            }
            String reporter = matcher.group("lawReports") == null
                    ? matcher.group("reporter")
                    : "L.R. " + matcher.group("reporter");
            String pins = matcher.group("pins");
            references.add(
                    new Reference(volume, reporter, matcher.group("page"), pins.isEmpty() ? "" : pins.substring(2)));
            position = matcher.end();
            if (position == text.length()) {
                return references;
            }
            position += 2; // ", " before the next reference, as CITATION matched
        }
    }

    private static String reference(boolean named) {
        return group(named, "lawReports", "L\\.? ?R\\.? ") + "?"
                + "(?:" + group(named, "volume", "\\d+") + " )?"
                + group(named, "reporter", REPORTER) + NOMINATIVE
                + " " + group(named, "page", "\\d+[a-z]?")
                + group(named, "pins", PINS);
    }

    private static String group(boolean named, String name, String body) {
        return named ? "(?<" + name + ">" + body + ")" : "(?:" + body + ")";
    }
}
