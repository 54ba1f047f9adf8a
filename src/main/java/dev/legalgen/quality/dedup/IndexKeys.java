package dev.legalgen.quality.dedup;

import java.util.stream.LongStream;

/**
 * The keys a claim is stored under and those a new question looks up: its MinHash band keys (near-duplicates by
 * 3-gram similarity) and its word segments (questions a word or two apart). Each kind is hashed with its own tag, so
 * a band never meets a segment.
 */
final class IndexKeys {

    static final long BAND_TAG = 1;
    static final long SEGMENT_TAG = 2;

    private final NormalisedQuestion question;
    private final long[] bands;

    private IndexKeys(NormalisedQuestion question) {
        this.question = question;
        this.bands = MinHashBands.keys(question);
    }

    static IndexKeys of(NormalisedQuestion question) {
        return new IndexKeys(question);
    }

    /** The keys stored with the question's claim; distinct, as the table's primary key needs. */
    long[] stored() {
        return LongStream.concat(LongStream.of(bands), LongStream.of(WordSegments.keys(question)))
                .distinct()
                .toArray();
    }

    /** The keys under which an earlier question that this one may repeat is stored. */
    long[] lookup() {
        return LongStream.concat(LongStream.of(bands), LongStream.of(WordSegments.probes(question)))
                .distinct()
                .toArray();
    }
}
