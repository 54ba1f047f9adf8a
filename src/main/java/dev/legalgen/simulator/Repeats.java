package dev.legalgen.simulator;

import java.util.concurrent.atomic.AtomicReference;

/** The question last answered with, for {@link Fault.Repeat}: a model repeating itself, word for word or nearly. */
final class Repeats {

    /** Replacements that keep a question readable; the nth changed word becomes the nth of these. */
    private static final String[] OTHER_WORDS = {"plainly", "formerly", "notably", "chiefly", "largely"};

    private final AtomicReference<String> lastQuestion = new AtomicReference<>();

    /** {@code written}, or its repeat when {@code fault} asks for one; remembers the question answered with. */
    SampleWriter.Sample answer(SampleWriter.Sample written, Fault fault) {
        SampleWriter.Sample sample = written;
        String earlier = lastQuestion.get();
        if (fault instanceof Fault.Repeat repeat && earlier != null) {
            sample = new SampleWriter.Sample(
                    changed(earlier, repeat.wordsChanged()),
                    written.answer(),
                    written.reasoning(),
                    written.caseCitation());
        }
        lastQuestion.set(sample.question());
        return sample;
    }

    void clear() {
        lastQuestion.set(null);
    }

    /** Replaces {@code count} words, one every other word from the middle on, so that each edit is one word. */
    static String changed(String question, int count) {
        String[] words = question.split(" ");
        if (count > (words.length - 1) / 4) {
            throw new IllegalArgumentException(
                    "cannot change " + count + " words of a " + words.length + "-word question");
        }
        for (int i = 0; i < count; i++) {
            words[words.length / 2 + 2 * i] = OTHER_WORDS[i % OTHER_WORDS.length];
        }
        return String.join(" ", words);
    }
}
