package dev.legalgen.provider;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential backoff with jitter between retries of a route; a server's retry-after wins when longer. */
record Backoff(Duration initial, Duration max, DoubleSupplier random) {

    /** Delay before retry number {@code retry} (1-based): initial * 2^(retry-1), capped, times 0.5..1.0. */
    Duration delay(int retry, Duration retryAfter) {
        long base = initial.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, max.toMillis());
        long jittered = (long) (capped * (0.5 + 0.5 * random.getAsDouble()));
        Duration delay = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
