package dev.legalgen.quality;

import dev.legalgen.config.SettingsProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code legalgen.quality.max-attempts}: generations per slot, re-asks after a failed quality check included. */
@ConfigurationProperties("legalgen.quality")
public record QualitySettings(@DefaultValue("3") int maxAttempts) {

    public QualitySettings {
        new SettingsProblems()
                .require(
                        maxAttempts >= 1 && maxAttempts <= 10,
                        "legalgen.quality.max-attempts must be 1-10, was " + maxAttempts)
                .throwIfAny();
    }
}
