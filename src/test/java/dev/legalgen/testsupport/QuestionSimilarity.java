package dev.legalgen.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Jaccard similarity of two questions' word 3-grams, computed plainly (every pair, no index): what the tests hold
 * the job's duplicate index and the simulator's variety to.
 */
public final class QuestionSimilarity {

    private QuestionSimilarity() {}

    /** The similarity of every pair of {@code questions}, pair order unspecified. */
    public static List<Double> pairwise(List<String> questions) {
        List<Set<String>> grams =
                questions.stream().map(QuestionSimilarity::threeGrams).toList();
        List<Double> similarities = new ArrayList<>();
        for (int i = 0; i < grams.size(); i++) {
            for (int j = i + 1; j < grams.size(); j++) {
                similarities.add(jaccard(grams.get(i), grams.get(j)));
            }
        }
        return similarities;
    }

    static Set<String> threeGrams(String question) {
        String[] words = question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 3 <= words.length; i++) {
            grams.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
        }
        return grams;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }
}
