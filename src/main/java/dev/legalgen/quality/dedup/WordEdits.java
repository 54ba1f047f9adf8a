package dev.legalgen.quality.dedup;

import java.util.List;

/** The word-level edit distance (words inserted, deleted or replaced) of two questions, counted up to a limit. */
final class WordEdits {

    private WordEdits() {}

    /** The distance if it is at most {@code limit}, else {@code limit + 1}: a band of the table around its diagonal. */
    static int upTo(int limit, NormalisedQuestion a, NormalisedQuestion b) {
        List<String> x = a.words();
        List<String> y = b.words();
        if (Math.abs(x.size() - y.size()) > limit) {
            return limit + 1;
        }
        int over = limit + 1;
        int[] previous = new int[y.size() + 1];
        int[] current = new int[y.size() + 1];
        for (int j = 0; j <= y.size(); j++) {
            previous[j] = Math.min(j, over);
        }
        for (int i = 1; i <= x.size(); i++) {
            java.util.Arrays.fill(current, over);
            current[0] = Math.min(i, over);
            int best = current[0];
            for (int j = Math.max(1, i - limit); j <= Math.min(y.size(), i + limit); j++) {
                int replace = previous[j - 1] + (x.get(i - 1).equals(y.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(over, Math.min(replace, Math.min(previous[j], current[j - 1]) + 1));
                best = Math.min(best, current[j]);
            }
            if (best > limit) {
                return over;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.size()];
    }
}
