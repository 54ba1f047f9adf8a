package dev.legalgen.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WordSegmentsTests {

    @Test
    void everyQuestionWithinTwoWordEditsProbesAKeyOfTheEarlierOne() {
        // given: random questions of 4 to 40 words, each changed by one or two random edits (insert, delete, replace)
        SplittableRandom random = new SplittableRandom(11);
        int missed = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            List<String> earlier = words(random, 4 + random.nextInt(37));
            List<String> changed = new ArrayList<>(earlier);
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                edit(changed, random);
            }

            // when
            long[] stored = WordSegments.keys(question(earlier));
            long[] probes = WordSegments.probes(question(changed));

            // then
            if (changed.size() >= WordSegments.MIN_WORDS
                    && changed.size() <= WordSegments.MAX_WORDS
                    && LongStream.of(stored).noneMatch(k -> contains(probes, k))) {
                missed++;
            }
        }
        assertThat(missed).isZero();
    }

    @Test
    void twoWordEditsLeaveALongerQuestionSeventyPercentOfItsThreeGramsWhichTheBandsFind() {
        // given: random questions of 41 to 85 words, the ones without segments, changed by two random edits
        SplittableRandom random = new SplittableRandom(12);
        double least = 1;
        for (int trial = 0; trial < 20_000; trial++) {
            List<String> earlier = new ArrayList<>();
            for (int i = WordSegments.MAX_WORDS + 1 + random.nextInt(45); i > 0; i--) {
                earlier.add("v" + random.nextInt(5_000)); // the words of prose: a 3-gram seldom recurs
            }
            List<String> changed = new ArrayList<>(earlier);
            edit(changed, random);
            edit(changed, random);

            // when
            double similarity = NearDuplicateRule.jaccard(
                    question(earlier).shingleHashes(), question(changed).shingleHashes());

            // then
            least = Math.min(least, similarity);
        }
        assertThat(WordSegments.keys(question(words(random, WordSegments.MAX_WORDS + 1))))
                .isEmpty();
        assertThat(least).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void theKeysAreThoseTheIndexStored() {
        // the keys are persisted: a change to the hashing would leave every stored claim unfindable
        assertThat(WordSegments.keys(NormalisedQuestion.of("Is an oral promise to sell land enforceable?")))
                .containsExactly(432997377819476877L, -575589471330522294L, 655790151333440623L);
    }

    @Test
    void aQuestionProbesAtMost19Keys() {
        // 5 + 4 + 4 + 3 + 3 places for the lengths 2 words shorter to 2 longer: 1, 3 and 1 for the same length
        assertThat(WordSegments.probes(question(words(new SplittableRandom(3), 30))))
                .hasSizeLessThanOrEqualTo(19);
    }

    @Test
    void questionsTooShortForTheRuleHaveNoSegments() {
        assertThat(WordSegments.keys(NormalisedQuestion.of("Is it binding?"))).isEmpty();
    }

    private static void edit(List<String> words, SplittableRandom random) {
        int at = random.nextInt(words.size());
        switch (random.nextInt(3)) {
            case 0 -> words.add(at, "inserted" + random.nextInt(1000));
            case 1 -> words.remove(at);
            default -> words.set(at, "replaced" + random.nextInt(1000));
        }
    }

    private static List<String> words(SplittableRandom random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // a small vocabulary, so that segments recur elsewhere in the question as they do in real text
            words.add("w" + random.nextInt(20));
        }
        return words;
    }

    private static NormalisedQuestion question(List<String> words) {
        return NormalisedQuestion.of(String.join(" ", words));
    }

    private static boolean contains(long[] keys, long key) {
        return LongStream.of(keys).anyMatch(k -> k == key);
    }
}
