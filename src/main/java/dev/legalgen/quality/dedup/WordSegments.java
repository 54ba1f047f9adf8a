package dev.legalgen.quality.dedup;

import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Keys that find every earlier question within {@value #MAX_EDITS} word edits (a word inserted, deleted or replaced),
 * exactly, however short: MinHash cannot, since one replaced word costs a 10-word question more than half of its
 * 3-grams. A question's words are cut into {@value #MAX_EDITS} + 1 segments; two edits leave at least one segment
 * untouched (pigeonhole), and that segment appears in the other question at most {@value #MAX_EDITS} words from where
 * it was, in a question at most {@value #MAX_EDITS} words longer or shorter. So a new question probes, for every
 * length and segment that could be such a one, the runs of its own words at those places (the PassJoin filter).
 */
final class WordSegments {

    static final int MAX_EDITS = 2;
    /**
     * Shorter questions never qualify: the rule allows at most one edit in five words ({@link NearDuplicateRule}),
     * and a question of three words is two edits from any of five.
     */
    static final int MIN_WORDS = 4;
    /**
     * Longer questions need no segments: two word edits in a question of more than 40 words leave over 70% of its
     * 3-grams shared (two replacements far apart: 33 of 45), which the MinHash bands find. Without this bound, a long
     * question that opens as others of its length do (as a cell's questions often do) would be a candidate of each.
     */
    static final int MAX_WORDS = 40;

    private static final int SEGMENTS = MAX_EDITS + 1;

    private WordSegments() {}

    /** The keys of the question's own segments, stored with its claim. */
    static long[] keys(NormalisedQuestion question) {
        int length = question.length();
        if (length < MIN_WORDS || length > MAX_WORDS) {
            return new long[0];
        }
        return IntStream.range(0, SEGMENTS)
                .mapToLong(
                        segment -> key(length, segment, question.words(start(length, segment), end(length, segment))))
                .toArray();
    }

    /** The keys an earlier question within {@value #MAX_EDITS} edits of this one has among its {@link #keys}. */
    static long[] probes(NormalisedQuestion question) {
        int length = question.length();
        LongStream.Builder probes = LongStream.builder();
        int longest = Math.min(MAX_WORDS, length + MAX_EDITS);
        for (int other = Math.max(MIN_WORDS, length - MAX_EDITS); other <= longest; other++) {
            int longer = length - other;
            for (int segment = 0; segment < SEGMENTS; segment++) {
                int start = start(other, segment);
                int size = end(other, segment) - start;
                // Some untouched segment i has exactly i edits before it (the first segment at which the edits so
                // far fall behind the segments so far), so it moved at most i words, and the at most
                // MAX_EDITS - i edits after it put it that close to where the lengths' difference does.
                int from = Math.max(0, Math.max(start - segment, start + longer - (MAX_EDITS - segment)));
                int to = Math.min(length - size, Math.min(start + segment, start + longer + (MAX_EDITS - segment)));
                for (int at = from; at <= to; at++) {
                    probes.add(key(other, segment, question.words(at, at + size)));
                }
            }
        }
        return probes.build().toArray();
    }

    private static int start(int length, int segment) {
        return segment * length / SEGMENTS;
    }

    private static int end(int length, int segment) {
        return start(length, segment + 1);
    }

    private static long key(int length, int segment, String words) {
        return StableHash.combine(
                StableHash.combine(StableHash.combine(IndexKeys.SEGMENT_TAG, length), segment), StableHash.of(words));
    }
}
