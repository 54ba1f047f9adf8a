package dev.legalgen.quality.citation;

import java.util.List;
import java.util.function.IntPredicate;

/** The character-level work on a citation's text, done without patterns: spacing, trailing parentheticals. */
final class CitationText {

    /** "(2d Cir. 1996) (en banc) (per curiam)" at most: more is commentary, not a citation. */
    private static final int MAX_PARENTHETICALS = 3;

    private CitationText() {}

    /**
     * Where the text before its trailing parentheticals ends (-1 when they do not balance), adding their contents
     * to {@code found}, the one nearest the references first.
     */
    static int trailingParentheticals(String text, List<String> found) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ')') {
            int open = matchingOpen(text, end - 1);
            if (open < 0 || found.size() == MAX_PARENTHETICALS) {
                return -1;
            }
            found.add(0, text.substring(open + 1, end - 1).strip());
            end = open;
            while (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
        }
        return end;
    }

    private static int matchingOpen(String text, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** White space runs as one space, typographic quotes and dashes as plain ones, without a final full stop. */
    static String normalized(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(
                        switch (c) {
                            case '\u2018', '\u2019' -> '\'';
                            case '\u2013', '\u2014' -> '-';
                            default -> c;
                        });
            }
        }
        int length = out.length();
        while (length > 0 && (out.charAt(length - 1) == ' ' || out.charAt(length - 1) == '.')) {
            length--;
        }
        out.setLength(length);
        return out.toString();
    }

    static boolean contains(String text, IntPredicate kind) {
        for (int i = 0; i < text.length(); i++) {
            if (kind.test(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
