package dev.legalgen.provider;

import java.util.Locale;

/**
 * {@code reasoning_effort}: {@code low}, {@code medium}, {@code high} for gpt-oss (Groq and Cerebras), {@code none}
 * and {@code default} for Groq's qwen3 models, {@code none} also for Cerebras' GLM.
 */
public enum ReasoningEffort {
    NONE,
    DEFAULT,
    LOW,
    MEDIUM,
    HIGH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One step less reasoning in the same model family's terms; the lowest stays where it is. */
    ReasoningEffort lower() {
        return switch (this) {
            case HIGH -> MEDIUM;
            case MEDIUM -> LOW;
            // qwen3's only other value
            case DEFAULT -> NONE;
            case LOW, NONE -> this;
        };
    }
}
