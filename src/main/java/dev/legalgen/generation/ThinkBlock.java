package dev.legalgen.generation;

import java.util.Locale;

/** Reasoning models (Qwen, DeepSeek R1) may put raw {@code <think>…</think>} before the answer. */
final class ThinkBlock {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private ThinkBlock() {}

    /** The text after a leading think block, or the text itself when there is none. */
    static String strip(String content) {
        String text = content.strip();
        if (!text.toLowerCase(Locale.ROOT).startsWith(OPEN)) {
            return text;
        }
        int close = text.toLowerCase(Locale.ROOT).indexOf(CLOSE);
        if (close < 0) {
            throw new InvalidSampleException("unterminated <think> block (reply cut off before the JSON?)");
        }
        return text.substring(close + CLOSE.length()).strip();
    }
}
