package dev.legalgen.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a batch spends in each state, on the configured clock: {@code validating} before its first line runs,
 * {@code perLine} for each line (one after another, in input order), {@code finalizing} after the last one, and
 * {@code cancelling} between a cancel and {@code cancelled}. {@link #INSTANT} (all zero) finishes a batch at its
 * first poll, so that tests run in milliseconds.
 */
public record BatchTiming(Duration validating, Duration perLine, Duration finalizing, Duration cancelling) {

    public static final BatchTiming INSTANT =
            new BatchTiming(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public BatchTiming {
        for (Duration duration : new Duration[] {validating, perLine, finalizing, cancelling}) {
            if (Objects.requireNonNull(duration, "batch timing").isNegative()) {
                throw new IllegalArgumentException("batch timings must not be negative, was " + duration);
            }
        }
    }
}
