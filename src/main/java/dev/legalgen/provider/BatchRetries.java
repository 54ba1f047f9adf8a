package dev.legalgen.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Repeats a Batch API call that failed in a way that passes: what the chain retries or paces
 * ({@link ErrorCategory#action()}) and any 5xx, up to {@value #MAX_ATTEMPTS} attempts, waiting the server's
 * {@code retry-after} or an exponential backoff with jitter. Other failures are thrown at once, and so is a wait
 * longer than {@link #LONGEST_WAIT} (a daily quota): the caller, not a sleeping thread, decides about hours.
 */
final class BatchRetries {

    static final int MAX_ATTEMPTS = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Route route;

    BatchRetries(Backoff backoff, Sleeper sleeper, Route route) {
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.route = route;
    }

    <T> T run(Supplier<T> attempt) {
        return run(attempt, failure -> Optional.empty());
    }

    /**
     * {@code beforeRetry} sees each failure about to be retried: it returns the call's result when the failed
     * attempt took effect after all (a batch created though its answer was lost), empty to retry, or throws to
     * stop (a download that had already passed lines on).
     */
    <T> T run(Supplier<T> attempt, Function<ProviderCallException, Optional<T>> beforeRetry) {
        for (int attempts = 1; ; attempts++) {
            ProviderCallException failure;
            try {
                return attempt.get();
            } catch (ProviderCallException failed) {
                failure = failed;
            }
            if (!passes(failure)) {
                throw attempts == 1 ? failure : failure.afterAttempts(attempts);
            }
            Duration wait = backoff.delay(attempts, failure.retryAfter());
            if (attempts == MAX_ATTEMPTS || wait.compareTo(LONGEST_WAIT) > 0) {
                throw failure.afterAttempts(attempts);
            }
            Optional<T> tookEffect = beforeRetry.apply(failure);
            if (tookEffect.isPresent()) {
                return tookEffect.get();
            }
            sleep(wait, failure);
        }
    }

    /** Whether the same call may succeed later. */
    static boolean passes(ProviderCallException failure) {
        Integer status = failure.httpStatus();
        return switch (failure.category().action()) {
            // timeouts, resets, 500/502/504: the service is failing for now
            case RETRY -> true;
            // a 429: the Batch API's own limits reset
            case PACE -> true;
            // a 503, 498 or queue_exceeded is the service at capacity, which passes (there is no other model to move
            // to); a 404 is an id or a path that is not there, which stays so
            case NEXT_MODEL -> status != null && status != 404 && status != 400;
            // the key, the account, the request or the answer: the same call fails the same way
            case DROP_PROVIDER, SKIP_ITEM, REASK, REASK_LARGER, ASK_WITHOUT_SCHEMA -> false;
        };
    }

    private void sleep(Duration wait, ProviderCallException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            ProviderCallException stopped = ProviderCallException.interrupted(
                    route, "interrupted while waiting to retry: " + failure.getMessage(), interrupted);
            stopped.addSuppressed(failure);
            throw stopped;
        }
    }
}
