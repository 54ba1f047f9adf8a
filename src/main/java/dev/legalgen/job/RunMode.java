package dev.legalgen.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a run asks its providers (job parameter {@code mode}): one call per sample ({@code sync}), or JSONL files
 * through the providers' Batch API at their batch discount ({@code batch}).
 */
public enum RunMode {
    SYNC,
    BATCH;

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws UsageException naming the allowed values */
    static RunMode parse(String text) {
        for (RunMode mode : values()) {
            if (mode.parameterValue().equalsIgnoreCase(text)) {
                return mode;
            }
        }
        throw UsageException.of(
                DatasetParameters.MODE,
                "'" + text + "' is not a mode; use one of "
                        + Arrays.stream(values()).map(RunMode::parameterValue).collect(Collectors.joining(", ")));
    }
}
