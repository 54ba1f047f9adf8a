package dev.legalgen.quality.dedup;

import java.util.OptionalInt;

/**
 * What {@link DuplicateIndex#claim} found: a unique question (now claimed), or the earlier claim it repeats (its
 * place and its question, normalised), with the share of word 3-grams the two have in common and, when they are at
 * most two word edits apart, how many.
 */
public record DuplicateVerdict(
        Kind kind, DuplicateKey earlier, String earlierQuestion, double similarity, OptionalInt wordsChanged) {

    /** The earlier question is quoted to the model up to this many characters: enough to tell it apart. */
    static final int QUOTED = 300;

    public enum Kind {
        /** No earlier claim of the dataset is like it: the question now holds its slot. */
        UNIQUE,
        /** The same question, once normalised (case, punctuation, white space, Unicode forms), as an earlier one. */
        EXACT,
        /** At or above the near-duplicate threshold of 3-gram similarity, or a word or two apart. */
        NEAR
    }

    static DuplicateVerdict unique() {
        return new DuplicateVerdict(Kind.UNIQUE, null, null, 0, OptionalInt.empty());
    }

    static DuplicateVerdict exact(DuplicateKey earlier, NormalisedQuestion question) {
        return new DuplicateVerdict(Kind.EXACT, earlier, question.text(), 1, OptionalInt.of(0));
    }

    static DuplicateVerdict near(
            DuplicateKey earlier, NormalisedQuestion question, double similarity, OptionalInt wordsChanged) {
        return new DuplicateVerdict(Kind.NEAR, earlier, question.text(), similarity, wordsChanged);
    }

    public boolean isDuplicate() {
        return kind != Kind.UNIQUE;
    }

    /**
     * One line for a re-ask's hint or a skip's reason, quoting the earlier question (the model never saw it); empty
     * for a unique question.
     */
    public String reason() {
        return switch (kind) {
            case UNIQUE -> "";
            case EXACT -> "the question repeats the question of " + place();
            case NEAR ->
                "the question nearly repeats the question of " + place() + ": "
                        + (wordsChanged.isPresent()
                                ? "it differs by " + wordsChanged.getAsInt()
                                        + (wordsChanged.getAsInt() == 1 ? " word" : " words")
                                : Math.round(similarity * 100) + "% of its word 3-grams are the same");
        };
    }

    private String place() {
        String quoted =
                earlierQuestion.length() > QUOTED ? earlierQuestion.substring(0, QUOTED) + "…" : earlierQuestion;
        return "slot " + earlier.slot() + " of job instance " + earlier.jobInstanceId() + ", \"" + quoted + "\"";
    }
}
