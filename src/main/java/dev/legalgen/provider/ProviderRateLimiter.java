package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rate limiter of one provider: reserves one request and the estimated tokens
 * (prompt chars / 4 + max completion tokens, as the providers themselves reserve) against the known
 * per-minute and per-day limits, corrects itself from response headers, and after a 429 blocks for
 * the retry-after and then lets a single probe through until an answer arrives.
 */
public final class ProviderRateLimiter {

    /** The outcome of asking for room: a permit, or how long until there may be room. */
    public record Admission(Permit permit, Duration waitTime) {
        public boolean granted() {
            return permit != null;
        }
    }

    static final Duration DEFAULT_BLOCK = Duration.ofSeconds(5);

    private final String provider;
    private final int maxCompletionTokens;
    private final Clock clock;
    private final Sleeper sleeper;
    private LimitWindow requestsPerMinute;
    private LimitWindow requestsPerDay;
    private LimitWindow tokensPerMinute;
    private LimitWindow tokensPerDay;
    private Instant blockedUntil = Instant.MIN;
    private Duration lastRetryAfter = DEFAULT_BLOCK;
    private boolean recovering;
    private boolean probeInFlight;

    public ProviderRateLimiter(String provider, ProviderSettings settings, Clock clock, Sleeper sleeper) {
        this.provider = provider;
        this.maxCompletionTokens = settings.maxCompletionTokens();
        this.clock = clock;
        this.sleeper = sleeper;
        this.requestsPerMinute = window("requests per minute", settings.requestsPerMinute(), Duration.ofMinutes(1));
        this.requestsPerDay = window("requests per day", settings.requestsPerDay(), Duration.ofDays(1));
        this.tokensPerMinute = window("tokens per minute", settings.tokensPerMinute(), Duration.ofMinutes(1));
        this.tokensPerDay = window("tokens per day", settings.tokensPerDay(), Duration.ofDays(1));
    }

    public String provider() {
        return provider;
    }

    /** What a prompt reserves before the call, like the providers' own admission estimate. */
    public long estimateTokens(int promptChars) {
        return promptChars / 4L + maxCompletionTokens;
    }

    /** Waits up to {@code maxWait} for room; when the wait would be longer, returns at once with it. */
    public Admission acquire(int promptChars, Duration maxWait) throws InterruptedException {
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            Admission admission = tryAcquire(promptChars);
            Duration left = Duration.between(clock.instant(), deadline);
            if (admission.granted() || admission.waitTime().compareTo(left) > 0) {
                return admission;
            }
            sleeper.sleep(admission.waitTime());
        }
    }

    /** Never waits: a permit now, or the time until there may be room. */
    public synchronized Admission tryAcquire(int promptChars) {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            return new Admission(null, Duration.between(now, blockedUntil));
        }
        if (probeInFlight) {
            return new Admission(null, lastRetryAfter); // one request per retry-after window after a 429
        }
        long tokens = estimateTokens(promptChars);
        List<LimitWindow> taken = new ArrayList<>();
        long waitNanos = take(requestsPerMinute, 1, taken);
        waitNanos = waitNanos > 0 ? waitNanos : take(requestsPerDay, 1, taken);
        waitNanos = waitNanos > 0 ? waitNanos : take(tokensPerMinute, tokens, taken);
        waitNanos = waitNanos > 0 ? waitNanos : take(tokensPerDay, tokens, taken);
        if (waitNanos > 0) {
            for (LimitWindow window : taken) {
                window.giveBack(window == requestsPerMinute || window == requestsPerDay ? 1 : window.cap(tokens));
            }
            return new Admission(null, Duration.ofNanos(waitNanos));
        }
        boolean probe = recovering;
        probeInFlight = probe;
        return new Admission(new Permit(tokens, probe), Duration.ZERO);
    }

    private static long take(LimitWindow window, long amount, List<LimitWindow> taken) {
        if (window == null) {
            return 0;
        }
        long wait = window.tryTake(amount);
        if (wait == 0) {
            taken.add(window);
        }
        return wait;
    }

    /** Every response's headers: the server's remaining counts override ours when lower. */
    public synchronized void onHeaders(RateLimitHeaders headers) {
        requestsPerMinute = correct(requestsPerMinute, headers.requestsPerMinute(), "requests per minute", Duration.ofMinutes(1));
        requestsPerDay = correct(requestsPerDay, headers.requestsPerDay(), "requests per day", Duration.ofDays(1));
        tokensPerMinute = correct(tokensPerMinute, headers.tokensPerMinute(), "tokens per minute", Duration.ofMinutes(1));
        tokensPerDay = correct(tokensPerDay, headers.tokensPerDay(), "tokens per day", Duration.ofDays(1));
    }

    /** A 429: nothing goes to this provider for {@code retryAfter} (default 5 s), then a single probe. */
    public synchronized void onRateLimited(Duration retryAfter) {
        Duration block = retryAfter == null || retryAfter.isZero() || retryAfter.isNegative() ? DEFAULT_BLOCK : retryAfter;
        Instant until = clock.instant().plus(block);
        blockedUntil = until.isAfter(blockedUntil) ? until : blockedUntil;
        lastRetryAfter = block;
        recovering = true;
        probeInFlight = false;
    }

    /** When the provider may be asked again, or null when it is not blocked. */
    public synchronized Instant blockedUntil() {
        return clock.instant().isBefore(blockedUntil) ? blockedUntil : null;
    }

    private LimitWindow correct(LimitWindow window, RateLimitHeaders.Window reported, String name, Duration period) {
        if (reported == null || reported.remaining() == null) {
            return window;
        }
        LimitWindow corrected = window;
        if (corrected == null && reported.limit() != null && reported.limit() > 0) {
            corrected = new LimitWindow(name, reported.limit(), period, reported.remaining(), clock); // learnt from the server
        }
        if (corrected != null) {
            corrected.correctDown(reported.remaining());
        }
        return corrected;
    }

    private LimitWindow window(String name, int limit, Duration period) {
        return limit > 0 ? new LimitWindow(name, limit, period, limit, clock) : null;
    }

    private synchronized void refund(Permit permit, long actualTokens) {
        for (LimitWindow window : new LimitWindow[] {tokensPerMinute, tokensPerDay}) {
            if (window != null) {
                long reserved = window.cap(permit.reservedTokens);
                if (actualTokens < reserved) {
                    window.giveBack(reserved - actualTokens);
                } else {
                    window.takeAnyway(actualTokens - reserved);
                }
            }
        }
    }

    /** A probe that got an answer other than 429 ends the recovery; any other probe frees the slot. */
    private synchronized void endProbe(Permit permit, boolean answered) {
        if (permit.probe) {
            probeInFlight = false;
            recovering = recovering && !answered;
        }
    }

    /** A reservation for one call; settle it exactly once with one of its methods. */
    public final class Permit {

        private final long reservedTokens;
        private final boolean probe;
        private boolean settled;

        private Permit(long reservedTokens, boolean probe) {
            this.reservedTokens = reservedTokens;
            this.probe = probe;
        }

        public long reservedTokens() {
            return reservedTokens;
        }

        /** The call succeeded: refund what it did not use (or charge the overrun). */
        public void succeeded(int actualTotalTokens) {
            if (markSettled()) {
                refund(this, actualTotalTokens);
                endProbe(this, true);
            }
        }

        /** The call failed with a response or after sending: the reservation stays spent, except after a 429 block. */
        public void failed(ProviderCallException failure) {
            if (!markSettled()) {
                return;
            }
            if (failure.category() == ErrorCategory.RATE_LIMIT) {
                onRateLimited(failure.retryAfter());
            } else if (failure.category() == ErrorCategory.CONNECTION_ERROR) {
                refund(this, 0); // most likely never reached the provider: refund the tokens
                endProbe(this, false);
            } else {
                endProbe(this, failure.httpStatus() != null);
            }
        }

        private synchronized boolean markSettled() {
            boolean first = !settled;
            settled = true;
            return first;
        }
    }
}
