package dev.legalgen.quality.dedup;

/**
 * Locality-sensitive keys of a question's word 3-grams: MinHash with {@value #BANDS} bands of {@value #ROWS} rows.
 * Two questions whose 3-gram sets have Jaccard similarity J share a band's key with probability J^4, so at least one
 * of the 32 with probability 1 - (1 - J^4)^32: 0.99985 at J = 0.7, 0.99 at 0.6, 0.87 at 0.5, but 0.23 at 0.3 and
 * 0.05 at 0.2. Questions of one practice area, topic and difficulty share phrasing (often 0.2 to 0.4), so each is a
 * candidate of some others, fetched and found distinct; every band is a key written with each claim, and measured
 * (README, Benchmarks) 32 bands of 4 rows cost half of 48 of 5 per claim while 20 of 3 let the candidates grow with
 * the dataset. The constants are part of the stored index: changing them needs a migration that rebuilds the keys
 * ({@link DuplicateKeysMigration}).
 */
final class MinHashBands {

    static final int SHINGLE_WORDS = 3;
    static final int BANDS = 32;
    static final int ROWS = 4;

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
