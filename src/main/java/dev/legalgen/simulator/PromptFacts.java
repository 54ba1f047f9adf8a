package dev.legalgen.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plan slot a prompt asks about, read from its {@code Practice area:}/{@code Topic:}/{@code Difficulty:} lines. */
record PromptFacts(String practiceArea, String topic, String difficulty) {

    static final PromptFacts NONE = new PromptFacts(null, null, null);

    private static final Pattern PRACTICE_AREA = line("Practice area");
    private static final Pattern TOPIC = line("Topic");
    private static final Pattern DIFFICULTY = line("Difficulty");

    static PromptFacts parse(String prompt) {
        if (prompt == null || prompt.isEmpty()) {
            return NONE;
        }
        return new PromptFacts(find(PRACTICE_AREA, prompt), find(TOPIC, prompt), find(DIFFICULTY, prompt));
    }

    private static Pattern line(String label) {
        // Horizontal whitespace only, so an empty "Topic:" line does not swallow the next line.
        return Pattern.compile("^[ \\t]*" + Pattern.quote(label) + ":[ \\t]*(\\S.*?)[ \\t]*$", Pattern.MULTILINE);
    }

    private static String find(Pattern pattern, String prompt) {
        Matcher matcher = pattern.matcher(prompt);
        return matcher.find() ? matcher.group(1).strip() : null;
    }
}
