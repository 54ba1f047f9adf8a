package dev.legalgen.quality.dedup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * A question as the index compares it: Unicode NFKC (so that full-width letters, ligatures and the like are the
 * letters they show), lower case, and every run of characters that are not letters, marks or digits (punctuation,
 * symbols, white space) one space. Two questions that read the same have the same normalised text.
 */
final class NormalisedQuestion {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    private final String text;
    private final String[] words;
    private long[] shingleHashes;

    private NormalisedQuestion(String text) {
        this.text = text;
        this.words = text.isEmpty() ? new String[0] : text.split(" ");
    }

    static NormalisedQuestion of(String question) {
        String folded = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return new NormalisedQuestion(SEPARATORS.matcher(folded).replaceAll(" ").strip());
    }

    /** A text the index stored: already normalised. */
    static NormalisedQuestion stored(String text) {
        return new NormalisedQuestion(text);
    }

    String text() {
        return text;
    }

    int length() {
        return words.length;
    }

    List<String> words() {
        return List.of(words);
    }

    /** Words {@code from..to-1}, joined by spaces. */
    String words(int from, int to) {
        return String.join(" ", Arrays.asList(words).subList(from, to));
    }

    /**
     * The hashes of the question's word 3-grams, distinct and sorted, computed once: what MinHash and the similarity
     * of two questions read. A question of fewer than three words has one, of its whole text.
     */
    long[] shingleHashes() {
        if (shingleHashes == null) {
            long[] wordHashes = Arrays.stream(words).mapToLong(StableHash::of).toArray();
            LongStream hashes = words.length < MinHashBands.SHINGLE_WORDS
                    ? LongStream.of(StableHash.of(text))
                    : IntStream.rangeClosed(0, words.length - MinHashBands.SHINGLE_WORDS)
                            .mapToLong(i -> StableHash.combine(
                                    StableHash.combine(wordHashes[i], wordHashes[i + 1]), wordHashes[i + 2]));
            shingleHashes = hashes.distinct().sorted().toArray();
        }
        return shingleHashes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NormalisedQuestion that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
