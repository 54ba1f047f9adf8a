package dev.legalgen.quality;

import dev.legalgen.config.SettingsProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code legalgen.quality.*}: {@code max-attempts}, generations per slot (re-asks after a failed quality check
 * included); {@code backfill-rounds}, the rounds in which the slots skipped so far get another item's attempts.
 */
@ConfigurationProperties("legalgen.quality")
public record QualitySettings(
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1") int backfillRounds) {

    public QualitySettings {
        new SettingsProblems()
                .require(
                        maxAttempts >= 1 && maxAttempts <= 10,
                        "legalgen.quality.max-attempts must be 1-10, was " + maxAttempts)
                .require(
                        backfillRounds >= 0 && backfillRounds <= 5,
                        "legalgen.quality.backfill-rounds must be 0-5, was " + backfillRounds)
                .throwIfAny();
    }
}
