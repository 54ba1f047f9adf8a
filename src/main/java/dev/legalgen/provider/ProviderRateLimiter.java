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
 * the retry-after and then lets a single probe through until an answer arrives. Waiting callers
 * reserve the next free slot and sleep until it, so concurrent callers queue instead of racing.
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
        this.requestsPerMinute = window(LimitWindow.REQUESTS_PER_MINUTE, settings.requestsPerMinute(), Duration.ofMinutes(1));
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

    /**
     * Reserves the next free slot if it comes within {@code maxWait} and waits for it; when the wait
     * would be longer, returns at once with it, reserving nothing.
     */
    public Admission acquire(int promptChars, Duration maxWait) throws InterruptedException {
        return acquire(promptChars, maxWait, sleeper);
    }

    /** As {@link #acquire(int, Duration)}, waiting with {@code sleeper} (whose waits may end early by throwing). */
    public Admission acquire(int promptChars, Duration maxWait, Sleeper sleeper) throws InterruptedException {
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            Admission admission = reserve(promptChars, left.isNegative() ? Duration.ZERO : left);
            if (admission.granted()) {
                waitFor(admission, sleeper);
                return admission;
            }
            if (admission.waitTime().compareTo(left) > 0) {
                return admission;
            }
            sleeper.sleep(admission.waitTime()); // a 429 block or the probe out: nothing to reserve, look again then
        }
    }

    private static void waitFor(Admission admission, Sleeper sleeper) throws InterruptedException {
        if (admission.waitTime().compareTo(Duration.ZERO) > 0) {
            try {
                sleeper.sleep(admission.waitTime());
            } catch (InterruptedException interrupted) {
                admission.permit().cancelled();
                throw interrupted;
            }
        }
    }

    /** Never waits: a permit now, or the time until there may be room. */
    public Admission tryAcquire(int promptChars) {
        return reserve(promptChars, Duration.ZERO);
    }

    /** Whether the provider itself holds us back (after a 429), rather than our own pacing. */
    public synchronized boolean blocked() {
        return refusal() != null;
    }

    /** How long until a request of this size could start, reserving nothing; zero means headroom now. */
    public synchronized Duration availableIn(int promptChars) {
        Duration refused = refusal();
        return refused != null ? refused : Duration.ofNanos(windowWait(estimateTokens(promptChars)));
    }

    private synchronized Admission reserve(int promptChars, Duration maxWait) {
        Duration refused = refusal();
        if (refused != null) {
            return new Admission(null, refused);
        }
        long tokens = estimateTokens(promptChars);
        long wait = windowWait(tokens);
        if (wait > maxWait.toNanos()) {
            return new Admission(null, Duration.ofNanos(wait));
        }
        boolean probe = recovering;
        probeInFlight = probe;
        List<Held> held = new ArrayList<>();
        hold(held, requestsPerMinute, 1, wait, false);
        hold(held, requestsPerDay, 1, wait, false);
        hold(held, tokensPerMinute, tokens, wait, true);
        hold(held, tokensPerDay, tokens, wait, true);
        return new Admission(new Permit(tokens, probe, held), Duration.ofNanos(wait));
    }

    /** Why nothing may start now, whatever the windows say: a 429 block, or the probe that is out. */
    private Duration refusal() {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            return Duration.between(now, blockedUntil);
        }
        return probeInFlight ? lastRetryAfter : null; // one request per retry-after window after a 429
    }

    private long windowWait(long tokens) {
        long wait = 0;
        for (LimitWindow window : new LimitWindow[] {requestsPerMinute, requestsPerDay}) {
            wait = window == null ? wait : Math.max(wait, window.waitFor(1));
        }
        for (LimitWindow window : new LimitWindow[] {tokensPerMinute, tokensPerDay}) {
            wait = window == null ? wait : Math.max(wait, window.waitFor(tokens));
        }
        return wait;
    }

    private static void hold(List<Held> held, LimitWindow window, long amount, long nanosFromNow, boolean tokens) {
        if (window != null) {
            held.add(new Held(window, window.reserve(amount, nanosFromNow), tokens));
        }
    }

    /** One window's part of a permit; token parts are settled with the actual usage. */
    private record Held(LimitWindow window, LimitWindow.Use use, boolean tokens) {}

    /** Every response's headers: the server's remaining counts override ours when lower. */
    public synchronized void onHeaders(RateLimitHeaders headers) {
        requestsPerMinute = correct(requestsPerMinute, headers.requestsPerMinute(), LimitWindow.REQUESTS_PER_MINUTE, Duration.ofMinutes(1));
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
            corrected = new LimitWindow(name, reported.limit(), period, clock); // learnt from the server
        }
        if (corrected != null) {
            corrected.correctDown(reported.remaining(), reported.reset());
        }
        return corrected;
    }

    private LimitWindow window(String name, int limit, Duration period) {
        return limit > 0 ? new LimitWindow(name, limit, period, clock) : null;
    }

    /** The call ended: token reservations become the actual usage (0 when the request most likely never arrived). */
    private synchronized void settleTokens(Permit permit, long actualTokens) {
        for (Held held : permit.held) {
            if (held.tokens()) {
                held.window().settle(held.use(), actualTokens);
            } else {
                held.window().settle(held.use());
            }
        }
    }

    /** The call ended and everything reserved counts. */
    private synchronized void settleAll(Permit permit) {
        for (Held held : permit.held) {
            held.window().settle(held.use());
        }
    }

    /** A reservation never used (the caller was interrupted while waiting for it): give all of it back. */
    private synchronized void release(Permit permit) {
        for (Held held : permit.held) {
            held.window().settle(held.use(), 0);
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
        private final List<Held> held;
        private boolean settled;

        private Permit(long reservedTokens, boolean probe, List<Held> held) {
            this.reservedTokens = reservedTokens;
            this.probe = probe;
            this.held = List.copyOf(held);
        }

        public long reservedTokens() {
            return reservedTokens;
        }

        /** The call succeeded: refund what it did not use (or charge the overrun). */
        public void succeeded(int actualTotalTokens) {
            if (markSettled()) {
                settleTokens(this, actualTotalTokens);
                endProbe(this, true);
            }
        }

        /** The call was never made: the reservation is returned in full. */
        public void cancelled() {
            if (markSettled()) {
                release(this);
                endProbe(this, false);
            }
        }

        /** The call failed with a response or after sending: the reservation stays spent, except after a 429 block. */
        public void failed(ProviderCallException failure) {
            if (!markSettled()) {
                return;
            }
            if (failure.category() != ErrorCategory.CONNECTION_ERROR) {
                settleAll(this);
            }
            if (failure.category() == ErrorCategory.RATE_LIMIT) {
                onRateLimited(failure.retryAfter());
            } else if (failure.category() == ErrorCategory.CONNECTION_ERROR) {
                settleTokens(this, 0); // most likely never reached the provider: refund the tokens
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
