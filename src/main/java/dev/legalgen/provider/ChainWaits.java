package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits in short slices, asking before each whether to go on, so that a wait of minutes (a provider's
 * pace, a breaker's cooldown) ends within a slice of the run being stopped or the route going out.
 * Polling keeps the waits where they are (the rate limiter, the backoff) without a signal between threads.
 */
final class ChainWaits {

    static final Duration SLICE = Duration.ofMillis(200);

    private final Sleeper sleeper;
    private final Clock clock;

    ChainWaits(Sleeper sleeper, Clock clock) {
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** A sleeper whose waits end, with {@link WaitAborted}, as soon as {@code abort} names a reason. */
    Sleeper abortingOn(Supplier<WaitAborted.Reason> abort) {
        return duration -> sleep(duration, abort);
    }

    private void sleep(Duration duration, Supplier<WaitAborted.Reason> abort) throws InterruptedException {
        Instant end = clock.instant().plus(duration);
        while (true) {
            WaitAborted.Reason reason = abort.get();
            if (reason != null) {
                throw new WaitAborted(reason);
            }
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            sleeper.sleep(left.compareTo(SLICE) < 0 ? left : SLICE);
        }
    }
}
