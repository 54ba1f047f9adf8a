package dev.legalgen.quality.dedup;

import dev.legalgen.config.SettingsProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code legalgen.quality.near-duplicate-threshold}: the Jaccard similarity of word 3-grams (the share of three-word
 * runs two questions have in common, of all those either has) at or above which a question nearly repeats an earlier
 * one of its dataset. 1 leaves only exact repeats and questions a word or two apart; the index's bands are sized for
 * 0.7 (pairs found with probability 0.99985): below 0.6 (0.99) a lower threshold misses more pairs as it goes down.
 */
@ConfigurationProperties("legalgen.quality")
public record DuplicateSettings(@DefaultValue("0.7") double nearDuplicateThreshold) {

    public DuplicateSettings {
        new SettingsProblems()
                .require(
                        nearDuplicateThreshold > 0 && nearDuplicateThreshold <= 1,
                        "legalgen.quality.near-duplicate-threshold must be more than 0 and at most 1 (0.7: questions"
                                + " sharing 70% of their word 3-grams are near-duplicates), was "
                                + nearDuplicateThreshold)
                .throwIfAny();
    }
}
