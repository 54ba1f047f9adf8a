package dev.legalgen.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-model request and token limits on the injected clock. Requests count in fixed windows aligned to clock
 * minutes (and UTC days). Tokens are a bucket of {@code tokensPerMinute} that refills continuously at that many a
 * minute, as both providers enforce them (Groq's "try again in" is the shortfall at that rate): a request is
 * admitted only while the bucket holds its reservation (prompt estimate + completion budget), then charged what
 * it used. A refused request consumes nothing.
 */
final class RateWindows {

    private static final long MINUTE_MILLIS = 60_000L;
    private static final long DAY_MILLIS = 86_400_000L;

    private final long requestsPerMinute;
    private final long tokensPerMinute;
    private final long requestsPerDay;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong tokensCounted = new AtomicLong();

    RateWindows(int requestsPerMinute, int tokensPerMinute, Clock clock) {
        this.requestsPerMinute = requestsPerMinute == 0 ? LimitState.UNLIMITED : requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute == 0 ? LimitState.UNLIMITED : tokensPerMinute;
        // No daily limit is configured; report the cap the minute limit implies, never binding on its own.
        this.requestsPerDay = requestsPerMinute == 0 ? LimitState.UNLIMITED : requestsPerMinute * 1_440L;
        this.clock = clock;
    }

    /** Admits one request to {@code model}, taking its reservation from the bucket, or says which quota refuses it. */
    Admission admit(String model, long reservedTokens) {
        long now = clock.millis();
        Window window = windows.computeIfAbsent(model, ignored -> new Window(tokensPerMinute, now));
        synchronized (window) {
            window.roll(now, tokensPerMinute);
            if (window.requests + 1 > requestsPerMinute) {
                return new Admission(Quota.RPM, reservedTokens, state(window, now), untilNextMinute(now));
            }
            if (window.tokens < reservedTokens) {
                Duration refill = refillTime(reservedTokens - window.tokens);
                return new Admission(Quota.TPM, reservedTokens, state(window, now), refill);
            }
            window.requests++;
            window.requestsToday++;
            window.tokens -= reservedTokens;
            return new Admission(null, reservedTokens, state(window, now), Duration.ZERO);
        }
    }

    /** The admitted request is answered: gives back the part of its reservation it did not use. */
    LimitState charge(String model, Admission admission, long usedTokens) {
        long now = clock.millis();
        // a reset between the admission and its answer cleared the window: the answer starts a new one
        Window window = windows.computeIfAbsent(model, ignored -> new Window(tokensPerMinute, now));
        synchronized (window) {
            window.roll(now, tokensPerMinute);
            window.tokens = Math.min(tokensPerMinute, window.tokens + admission.requestedTokens() - usedTokens);
            tokensCounted.addAndGet(usedTokens);
            return state(window, now);
        }
    }

    /** The tokens charged so far, all models together. */
    long tokensCounted() {
        return tokensCounted.get();
    }

    /** The usage headers for {@code model} without admitting anything; unknown models show an empty window. */
    LimitState peek(String model) {
        long now = clock.millis();
        Window window = model == null ? null : windows.get(model);
        if (window == null) {
            return state(new Window(tokensPerMinute, now), now);
        }
        synchronized (window) {
            window.roll(now, tokensPerMinute);
            return state(window, now);
        }
    }

    void reset() {
        windows.clear();
        tokensCounted.set(0);
    }

    private LimitState state(Window window, long now) {
        long used = tokensPerMinute - (long) Math.floor(window.tokens);
        return new LimitState(
                requestsPerMinute,
                window.requests,
                tokensPerMinute,
                used,
                refillTime(used),
                requestsPerDay,
                window.requestsToday,
                untilNextMinute(now),
                Duration.ofMillis(DAY_MILLIS - Math.floorMod(now, DAY_MILLIS)));
    }

    private static Duration untilNextMinute(long now) {
        return Duration.ofMillis(MINUTE_MILLIS - Math.floorMod(now, MINUTE_MILLIS));
    }

    /** How long the bucket takes to earn back {@code tokens}, rounded up to the millisecond. */
    private Duration refillTime(double tokens) {
        return Duration.ofMillis((long) Math.ceil(Math.max(0, tokens) * MINUTE_MILLIS / tokensPerMinute));
    }

    /** The outcome of admission; {@code refused} is null when the request was admitted. */
    record Admission(Quota refused, long requestedTokens, LimitState state, Duration retryAfter) {

        boolean admitted() {
            return refused == null;
        }
    }

    private static final class Window {
        private long minute = Long.MIN_VALUE;
        private long day = Long.MIN_VALUE;
        private long requests;
        private long requestsToday;
        private double tokens; // the bucket, starting full
        private long refilledAt;

        Window(long tokensPerMinute, long now) {
            this.tokens = tokensPerMinute;
            this.refilledAt = now;
        }

        void roll(long now, long tokensPerMinute) {
            long currentMinute = Math.floorDiv(now, MINUTE_MILLIS);
            if (currentMinute != minute) {
                minute = currentMinute;
                requests = 0;
            }
            long currentDay = Math.floorDiv(now, DAY_MILLIS);
            if (currentDay != day) {
                day = currentDay;
                requestsToday = 0;
            }
            if (now > refilledAt) {
                tokens = Math.min(
                        tokensPerMinute, tokens + (now - refilledAt) * (double) tokensPerMinute / MINUTE_MILLIS);
                refilledAt = now;
            }
        }
    }
}
