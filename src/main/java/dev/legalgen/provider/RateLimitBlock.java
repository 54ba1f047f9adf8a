package dev.legalgen.provider;

import java.time.Duration;
import java.time.Instant;

/**
 * What a provider's 429 holds back: nothing goes for the retry-after (default 5 s), then a single probe at a time
 * until an answer other than 429, so that a 429 never becomes a hot loop. Not thread-safe: the limiter synchronises.
 */
final class RateLimitBlock {

    static final Duration DEFAULT_BLOCK = Duration.ofSeconds(5);

    private Instant blockedUntil = Instant.MIN;
    private Duration lastRetryAfter = DEFAULT_BLOCK;
    private boolean recovering;
    private boolean probeInFlight;

    /** Why nothing may start now, whatever the windows say: the block, or the probe that is out; null when free. */
    Duration refusal(Instant now) {
        if (now.isBefore(blockedUntil)) {
            return Duration.between(now, blockedUntil);
        }
        return probeInFlight ? lastRetryAfter : null; // one request per retry-after window after a 429
    }

    /** When the provider may be asked again, or null when it is not blocked. */
    Instant blockedUntil(Instant now) {
        return now.isBefore(blockedUntil) ? blockedUntil : null;
    }

    /** A call is admitted: whether it is the probe after a 429. */
    boolean admit() {
        probeInFlight = recovering;
        return recovering;
    }

    void rateLimited(Duration retryAfter, Instant now) {
        Duration block =
                retryAfter == null || retryAfter.isZero() || retryAfter.isNegative() ? DEFAULT_BLOCK : retryAfter;
        Instant until = now.plus(block);
        blockedUntil = until.isAfter(blockedUntil) ? until : blockedUntil;
        lastRetryAfter = block;
        recovering = true;
        probeInFlight = false;
    }

    /** A probe that got an answer other than 429 ends the recovery; any other probe frees the slot. */
    void ended(boolean probe, boolean answered) {
        if (probe) {
            probeInFlight = false;
            recovering = recovering && !answered;
        }
    }
}
