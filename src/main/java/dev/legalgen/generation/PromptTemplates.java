package dev.legalgen.generation;

import dev.legalgen.catalog.Difficulty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The prompt resources under {@code prompts/}, read and checked once per JVM. */
record PromptTemplates(
        String system, String user, String reask, Map<Difficulty, String> guidance, List<String> angles) {

    /** The simulator finds the request's cell with a regex over these lines, so they must stay verbatim. */
    static final List<String> REQUIRED_USER_LINES =
            List.of("Practice area: {practiceArea}", "Topic: {topic}", "Difficulty: {difficulty}");

    static final PromptTemplates DEFAULT = load();

    PromptTemplates {
        for (String line : REQUIRED_USER_LINES) {
            if (!user.lines().anyMatch(line::equals)) {
                throw new IllegalStateException("prompts/user.txt must contain the line '" + line + "'");
            }
        }
        if (guidance.size() != Difficulty.values().length || angles.isEmpty()) {
            throw new IllegalStateException("prompts/difficulty-guidance.txt needs one line per difficulty"
                    + " and prompts/angles.txt at least one angle");
        }
    }

    private static PromptTemplates load() {
        return new PromptTemplates(
                read("prompts/system.txt").strip(),
                read("prompts/user.txt").strip(),
                read("prompts/reask.txt").strip(),
                guidance(read("prompts/difficulty-guidance.txt")),
                entries(read("prompts/angles.txt")));
    }

    private static Map<Difficulty, String> guidance(String text) {
        Map<Difficulty, String> guidance = new EnumMap<>(Difficulty.class);
        for (String entry : entries(text)) {
            int colon = entry.indexOf(':');
            guidance.put(
                    Difficulty.parse(entry.substring(0, colon)),
                    entry.substring(colon + 1).strip());
        }
        return guidance;
    }

    /** Non-blank lines that are not {@code #} comments. */
    private static List<String> entries(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String read(String resource) {
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource '" + resource + "' is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("prompt resource '" + resource + "' cannot be read", e);
        }
    }
}
