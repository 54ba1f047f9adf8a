package dev.legalgen.simulator;

import java.util.List;

/**
 * The plan slot a prompt asks about, read from its {@code Practice area:}/{@code Topic:}/{@code Difficulty:} lines,
 * and the reasons a re-ask gives, from its {@code Problem:} lines.
 */
record PromptFacts(String practiceArea, String topic, String difficulty, List<String> problems) {

    static final PromptFacts NONE = new PromptFacts(null, null, null, List.of());

    PromptFacts(String practiceArea, String topic, String difficulty) {
        this(practiceArea, topic, difficulty, List.of());
    }

    static PromptFacts parse(String prompt) {
        if (prompt == null || prompt.isEmpty()) {
            return NONE;
        }
        return new PromptFacts(
                find("Practice area:", prompt),
                find("Topic:", prompt),
                find("Difficulty:", prompt),
                prompt.contains(PROBLEM) ? problems(prompt) : List.of());
    }

    private static final String PROBLEM = "Problem:";

    private static List<String> problems(String prompt) {
        return prompt.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(PROBLEM))
                .map(line -> line.substring(PROBLEM.length()).strip())
                .toList();
    }

    /**
     * The value of the first line that starts (after blanks) with {@code label}. A plain scan, not a
     * multi-line regex: it runs for every request, and the simulator must stay cheap next to the job.
     */
    private static String find(String label, String prompt) {
        int from = 0;
        while (true) {
            int at = prompt.indexOf(label, from);
            if (at < 0) {
                return null;
            }
            int lineStart = prompt.lastIndexOf('\n', at) + 1;
            if (prompt.substring(lineStart, at).isBlank()) {
                int lineEnd = prompt.indexOf('\n', at);
                String value = prompt.substring(at + label.length(), lineEnd < 0 ? prompt.length() : lineEnd)
                        .strip();
                if (!value.isEmpty()) {
                    return value;
                }
            }
            from = at + label.length();
        }
    }
}
