package dev.legalgen.quality.citation;

import dev.legalgen.quality.citation.ReporterEdition.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reporter abbreviations and their editions' years, from {@code quality/reporters.tsv} (derived from reporters-db by
 * {@code jobs/derive-reporters}) and {@code quality/reporters-supplement.tsv} (English and Commonwealth reporters).
 * A written abbreviation is matched ignoring white space ("F. Supp. 2d" = "F.Supp.2d"), then, failing that, also
 * ignoring full stops and case ("QB" = "Q.B."), against the canonical abbreviations and their variant spellings.
 */
public final class ReporterTable {

    private static final String DERIVED = "quality/reporters.tsv";
    private static final String SUPPLEMENT = "quality/reporters-supplement.tsv";

    private final Map<String, List<ReporterEdition>> byExactKey = new HashMap<>();
    private final Map<String, List<ReporterEdition>> byLooseKey = new HashMap<>();
    private int editionCount;

    private ReporterTable() {}

    /** The shipped table, read once per JVM. */
    public static ReporterTable standard() {
        return Standard.TABLE;
    }

    private static final class Standard {
        static final ReporterTable TABLE = load();
    }

    private static ReporterTable load() {
        ReporterTable table = new ReporterTable();
        table.add(read(DERIVED), Source.REPORTERS_DB, DERIVED);
        table.add(read(SUPPLEMENT), Source.SUPPLEMENT, SUPPLEMENT);
        table.byExactKey.replaceAll((key, editions) -> List.copyOf(editions));
        table.byLooseKey.replaceAll((key, editions) -> List.copyOf(editions));
        return table;
    }

    /** The editions a written abbreviation may mean: empty when none is known, several when it is ambiguous. */
    public List<ReporterEdition> editions(String written) {
        List<ReporterEdition> exact = byExactKey.get(exactKey(written));
        if (exact != null) {
            return exact;
        }
        return byLooseKey.getOrDefault(looseKey(written), List.of());
    }

    /** The one canonical abbreviation a written one stands for, when it stands for exactly one. */
    public Optional<String> canonical(String written) {
        List<ReporterEdition> editions = editions(written);
        if (editions.isEmpty()) {
            return Optional.empty();
        }
        String first = editions.get(0).abbreviation();
        return editions.stream().allMatch(edition -> edition.abbreviation().equals(first))
                ? Optional.of(first)
                : Optional.empty();
    }

    /** Rows read, one per edition. */
    public int size() {
        return editionCount;
    }

    private void add(String text, Source source, String resource) {
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 3) {
                throw new IllegalStateException(resource + " line " + lineNumber + ": needs at least 3 columns");
            }
            ReporterEdition edition = new ReporterEdition(
                    fields[0],
                    fields[1].isEmpty() ? ReporterEdition.UNKNOWN_START : Integer.parseInt(fields[1]),
                    fields[2].isEmpty() ? ReporterEdition.ONGOING : Integer.parseInt(fields[2]),
                    source);
            editionCount++;
            index(fields[0], edition);
            for (int i = 3; i < fields.length; i++) {
                index(fields[i], edition);
            }
        }
    }

    private void index(String spelling, ReporterEdition edition) {
        addOnce(byExactKey, exactKey(spelling), edition);
        addOnce(byLooseKey, looseKey(spelling), edition);
    }

    private static void addOnce(Map<String, List<ReporterEdition>> index, String key, ReporterEdition edition) {
        List<ReporterEdition> editions = index.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!editions.contains(edition)) {
            editions.add(edition);
        }
    }

    /** Without white space; a typographic apostrophe as a plain one ("F. App’x"). */
    static String exactKey(String spelling) {
        StringBuilder key = new StringBuilder(spelling.length());
        for (int i = 0; i < spelling.length(); i++) {
            char c = spelling.charAt(i);
            if (!Character.isWhitespace(c)) {
                key.append(c == '\u2019' ? '\'' : c);
            }
        }
        return key.toString();
    }

    /** Also without full stops, in lower case. */
    static String looseKey(String spelling) {
        StringBuilder key = new StringBuilder(spelling.length());
        for (int i = 0; i < spelling.length(); i++) {
            char c = spelling.charAt(i);
            if (!Character.isWhitespace(c) && c != '.') {
                key.append(c == '\u2019' ? '\'' : Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    private static String read(String resource) {
        try (InputStream in = ReporterTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
