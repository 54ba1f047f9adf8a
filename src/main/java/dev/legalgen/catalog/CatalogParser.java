package dev.legalgen.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses the line format {@code Practice Area: topic one; topic two}, reporting the first problem found. */
final class CatalogParser {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String EXAMPLE = "'Contract Law: Formation; Consideration'";

    private final String source;

    CatalogParser(String source) {
        this.source = source;
    }

    Catalog parse(List<String> lines) {
        List<PracticeArea> areas = new ArrayList<>();
        Set<String> seenAreas = new HashSet<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (index == 0 && line.startsWith(BYTE_ORDER_MARK)) {
                // Windows editors save UTF-8 with a BOM; left in, it would become part of the first area's name.
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            PracticeArea area = parseLine(line, index + 1);
            if (!seenAreas.add(Catalog.normalize(area.name()))) {
                throw error(
                        index + 1,
                        "practice area '" + area.name()
                                + "' is defined twice; put all its topics on one line and delete the other");
            }
            areas.add(area);
        }
        if (areas.isEmpty()) {
            throw new CatalogException(
                    "catalog file " + source + " defines no practice areas; add one line per area, like " + EXAMPLE
                            + " (lines starting with # are comments)");
        }
        return new Catalog(areas);
    }

    private PracticeArea parseLine(String line, int lineNumber) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw error(lineNumber, "missing ':' after the practice area name; write the line as " + EXAMPLE);
        }
        String name = line.substring(0, colon).strip();
        if (name.isEmpty()) {
            throw error(lineNumber, "empty practice area name before ':'; write the line as " + EXAMPLE);
        }
        if (name.contains(",")) {
            throw error(
                    lineNumber,
                    "practice area name '" + name
                            + "' contains a comma, which separates names in the"
                            + " practiceAreas parameter; remove the comma");
        }
        return new PracticeArea(name, parseTopics(name, line.substring(colon + 1), lineNumber));
    }

    private List<String> parseTopics(String area, String text, int lineNumber) {
        List<String> topics = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // Empty pieces are skipped so that a trailing ';' is not an error.
        for (String piece : text.split(";")) {
            String topic = piece.strip();
            if (topic.isEmpty()) {
                continue;
            }
            if (!seen.add(Catalog.normalize(topic))) {
                throw error(
                        lineNumber,
                        "topic '" + topic + "' appears twice in practice area '" + area + "'; delete one of them");
            }
            topics.add(topic);
        }
        if (topics.isEmpty()) {
            throw error(
                    lineNumber,
                    "practice area '" + area + "' has no topics; list them after the ':' separated by ';', like "
                            + EXAMPLE);
        }
        return topics;
    }

    private CatalogException error(int lineNumber, String problem) {
        return new CatalogException("catalog file " + source + ", line " + lineNumber + ": " + problem);
    }
}
