package dev.legalgen.quality.dedup;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides whether a question repeats an earlier one: the same normalised text (exact), word 3-grams whose Jaccard
 * similarity reaches the threshold, or at most two words inserted, deleted or replaced, and at most one word in five
 * of the longer question (near). The last catches short questions with a word or two changed, which 3-grams miss: one
 * word changed in the middle of 10 leaves 5 of 11 distinct 3-grams shared (0.45).
 */
final class NearDuplicateRule {

    private final double threshold;

    NearDuplicateRule(double threshold) {
        this.threshold = threshold;
    }

    /** The verdict against one earlier claim; empty when the question does not repeat it. */
    Optional<DuplicateVerdict> compare(NormalisedQuestion question, NormalisedQuestion earlier, DuplicateKey place) {
        if (question.equals(earlier)) {
            return Optional.of(DuplicateVerdict.exact(place, earlier));
        }
        int allowed = Math.min(WordSegments.MAX_EDITS, Math.max(question.length(), earlier.length()) / 5);
        int edits = WordEdits.upTo(allowed, question, earlier);
        OptionalInt wordsChanged = edits <= allowed ? OptionalInt.of(edits) : OptionalInt.empty();
        double similarity = jaccard(question.shingleHashes(), earlier.shingleHashes());
        if (similarity >= threshold || wordsChanged.isPresent()) {
            return Optional.of(DuplicateVerdict.near(place, earlier, similarity, wordsChanged));
        }
        return Optional.empty();
    }

    /** Of two sorted sets of distinct hashes: a merge, no allocation. */
    static double jaccard(long[] a, long[] b) {
        int common = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
