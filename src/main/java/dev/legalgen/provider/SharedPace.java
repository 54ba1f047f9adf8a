package dev.legalgen.provider;

import java.time.Duration;

/**
 * The starts of calls to a provider, spaced across every process that calls it (the workers of remote
 * partitioning), so that together they keep its requests-per-minute as one process's limiter does. In one process
 * there is nothing to share: {@link #NONE}.
 */
@FunctionalInterface
public interface SharedPace {

    SharedPace NONE = (provider, spacing) -> Duration.ZERO;

    /** Books the next start of a call to {@code provider}, {@code spacing} after the one before; the time until it. */
    Duration book(String provider, Duration spacing);
}
