package dev.legalgen.quality.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a sample's four fields against {@link ValidationSettings}. Every failure is a short reason addressed to the
 * model ("the question must end with a question mark"), so that a re-ask can quote it.
 */
public final class SampleValidator {

    private static final List<String> IRAC_LABELS = List.of("Issue:", "Rule:", "Application:", "Conclusion:");
    /** Bold or italic asterisks, headings, code fences and bullets at the start of a line. */
    private static final Pattern MARKDOWN = Pattern.compile(
            "\\*\\*|(?<![\\w*])\\*[^*\\s][^*]*\\*(?![\\w*])|^\\s{0,3}#{1,6}\\s|```|^\\s*[-*•+]\\s", Pattern.MULTILINE);
    /** A conclusion shorter than this many words is too generic to count as given away by the question. */
    private static final int GIVEAWAY_MIN_WORDS = 6;

    private final ValidationSettings settings;

    public SampleValidator(ValidationSettings settings) {
        this.settings = settings;
    }

    /** The reasons the sample is not acceptable; empty when it is. */
    public List<String> problems(String question, String answer, String reasoning, String caseCitation) {
        List<String> problems = new ArrayList<>();
        minLength(problems, "question", question, settings.minQuestionLength());
        minLength(problems, "answer", answer, settings.minAnswerLength());
        minLength(problems, "reasoning", reasoning, settings.minReasoningLength());
        if (caseCitation == null || caseCitation.isBlank()) {
            problems.add("the case_citation must not be empty (write \"No single controlling case\" when none fits)");
        }
        if (settings.questionMark() && !question.strip().endsWith("?")) {
            problems.add("the question must end with a question mark");
        }
        if (normalized(answer).equals(normalized(question))
                || normalized(answer).startsWith(normalized(question))) {
            problems.add("the answer must answer the question, not repeat it");
        } else if (givesAway(question, answer)) {
            problems.add("the question must not contain its own answer");
        }
        if (settings.iracLabels()) {
            List<String> missing = IRAC_LABELS.stream()
                    .filter(label -> !reasoning.toLowerCase(Locale.ROOT).contains(label.toLowerCase(Locale.ROOT)))
                    .toList();
            if (!missing.isEmpty()) {
                problems.add("the reasoning must be labelled Issue:, Rule:, Application: and Conclusion: (missing "
                        + String.join(" ", missing) + ")");
            }
        }
        if (settings.noMarkdown()) {
            for (String[] field :
                    new String[][] {{"question", question}, {"answer", answer}, {"reasoning", reasoning}}) {
                if (MARKDOWN.matcher(field[1]).find()) {
                    problems.add("the " + field[0] + " must be plain text, without markdown (asterisks, headings,"
                            + " code fences or bullets)");
                }
            }
        }
        return problems;
    }

    private static void minLength(List<String> problems, String field, String value, int min) {
        if (value.strip().length() < min) {
            problems.add("the " + field + " must be at least " + min + " characters (was "
                    + value.strip().length() + ")");
        }
    }

    /** The answer's first sentence, its conclusion, already written in the question. */
    private static boolean givesAway(String question, String answer) {
        String conclusion = normalized(answer.split("(?<=[.!?])\\s", 2)[0]);
        return conclusion.split(" ").length >= GIVEAWAY_MIN_WORDS
                && normalized(question).contains(conclusion);
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
