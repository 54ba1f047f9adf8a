package dev.legalgen.quality.dedup;

/**
 * Locality-sensitive keys of a question's word 3-grams: MinHash with {@value #BANDS} bands of {@value #ROWS} rows.
 * Two questions whose 3-gram sets have Jaccard similarity J share a band's key with probability J^5, so at least one
 * of the 48 with probability 1 - (1 - J^5)^48: 0.99985 at J = 0.7, 0.98 at 0.6, 0.78 at 0.5, but 0.11 at 0.3 and
 * 0.015 at 0.2: questions of one practice area, topic and difficulty share phrasing (often 0.2 to 0.4), and fewer
 * rows would make each of them a candidate of the others. The constants are part of the stored index: changing them
 * needs a migration that rebuilds the keys.
 */
final class MinHashBands {

    static final int SHINGLE_WORDS = 3;
    static final int BANDS = 48;
    static final int ROWS = 5;

    private static final long[] SEEDS = seeds(BANDS * ROWS);

    private MinHashBands() {}

    /** The question's {@value #BANDS} band keys, one per band; identical questions have identical keys. */
    static long[] keys(NormalisedQuestion question) {
        long[] minima = new long[SEEDS.length];
        java.util.Arrays.fill(minima, Long.MAX_VALUE);
        for (long base : question.shingleHashes()) {
            for (int i = 0; i < SEEDS.length; i++) {
                minima[i] = Math.min(minima[i], StableHash.mix(base ^ SEEDS[i]));
            }
        }
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = StableHash.combine(IndexKeys.BAND_TAG, band);
            for (int row = 0; row < ROWS; row++) {
                key = StableHash.combine(key, minima[band * ROWS + row]);
            }
            keys[band] = key;
        }
        return keys;
    }

    /** One seed per hash function, a fixed SplitMix64 sequence. */
    private static long[] seeds(int count) {
        long[] seeds = new long[count];
        long state = 0x5eed_d0c5_1e6a_1L;
        for (int i = 0; i < count; i++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[i] = StableHash.mix(state);
        }
        return seeds;
    }
}
