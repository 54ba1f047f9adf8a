package dev.legalgen.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinHashBandsTests {

    @Test
    void theKeysAreThoseTheIndexStored() {
        // the keys are persisted: a change to the hashing would leave every stored claim unfindable
        assertThat(MinHashBands.keys(NormalisedQuestion.of("Is an oral promise to sell land enforceable?"))[0])
                .isEqualTo(-1402300569791595603L);
    }

    @Test
    void questionsThatNormaliseAlikeHaveTheSameKeys() {
        assertThat(MinHashBands.keys(NormalisedQuestion.of("Is an ORAL promise to sell land enforceable?")))
                .containsExactly(
                        MinHashBands.keys(NormalisedQuestion.of("is an oral promise, to sell land, enforceable")));
    }

    @Test
    void pairsAtTheThresholdAlwaysShareABand() {
        // given: 3,000 pairs of 70-word questions, 4 words replaced 4 words apart: 56 of 80 distinct 3-grams shared
        SplittableRandom random = new SplittableRandom(7);

        // when
        double shared = shareABand(random, 3_000, 70, 4);

        // then: 1 - (1 - 0.7^4)^32 = 0.99985, so at most a pair or two of the 3,000 misses
        assertThat(shared).isGreaterThanOrEqualTo(0.999);
    }

    @Test
    void pairsFarBelowTheThresholdRarelyShareABand() {
        // given: 3,000 pairs of 47-word questions, 10 words replaced: 15 of 75 distinct 3-grams shared (0.2)
        SplittableRandom random = new SplittableRandom(8);

        // when
        double shared = shareABand(random, 3_000, 47, 10);

        // then: 1 - (1 - 0.2^4)^32 = 0.050, the share of such pairs that is verified and found distinct
        assertThat(shared).isBetween(0.035, 0.065);
    }

    /** The share of {@code pairs} random questions and their copies with {@code replaced} words replaced, spread out. */
    private static double shareABand(SplittableRandom random, int pairs, int words, int replaced) {
        int sharing = 0;
        for (int pair = 0; pair < pairs; pair++) {
            List<String> question = new ArrayList<>();
            for (int i = 0; i < words; i++) {
                question.add("w" + random.nextInt(1_000_000));
            }
            List<String> copy = new ArrayList<>(question);
            int gap = (words - 2) / replaced;
            for (int r = 0; r < replaced; r++) {
                copy.set(2 + r * gap, "x" + random.nextInt(1_000_000));
            }
            long[] a = MinHashBands.keys(NormalisedQuestion.of(String.join(" ", question)));
            long[] b = MinHashBands.keys(NormalisedQuestion.of(String.join(" ", copy)));
            if (LongStream.range(0, MinHashBands.BANDS).anyMatch(band -> a[(int) band] == b[(int) band])) {
                sharing++;
            }
        }
        return (double) sharing / pairs;
    }
}
