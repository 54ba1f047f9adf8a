package dev.legalgen.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-model request and token windows on the injected clock. Windows are fixed and aligned to clock minutes
 * (and UTC days), as Cerebras' reset headers count down to the next boundary. Tokens are reserved at
 * admission (prompt estimate + completion budget), and a refused request consumes nothing.
 */
final class RateWindows {

    private static final long MINUTE_MILLIS = 60_000L;
    private static final long DAY_MILLIS = 86_400_000L;

    private final long requestsPerMinute;
    private final long tokensPerMinute;
    private final long requestsPerDay;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateWindows(int requestsPerMinute, int tokensPerMinute, Clock clock) {
        this.requestsPerMinute = requestsPerMinute == 0 ? LimitState.UNLIMITED : requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute == 0 ? LimitState.UNLIMITED : tokensPerMinute;
        // No daily limit is configured; report the cap the minute limit implies, never binding on its own.
        this.requestsPerDay = requestsPerMinute == 0 ? LimitState.UNLIMITED : requestsPerMinute * 1_440L;
        this.clock = clock;
    }

    /** Admits and records one request to {@code model}, or says which quota refuses it. */
    Admission admit(String model, long tokens) {
        long now = clock.millis();
        Window window = windows.computeIfAbsent(model, ignored -> new Window());
        synchronized (window) {
            window.roll(now);
            Quota refused = null;
            if (window.requests + 1 > requestsPerMinute) {
                refused = Quota.RPM;
            } else if (window.tokens + tokens > tokensPerMinute) {
                refused = Quota.TPM;
            } else {
                window.requests++;
                window.tokens += tokens;
                window.requestsToday++;
            }
            return new Admission(refused, tokens, state(window, now));
        }
    }

    /** The usage headers for {@code model} without admitting anything; unknown models show an empty window. */
    LimitState peek(String model) {
        long now = clock.millis();
        Window window = model == null ? null : windows.get(model);
        if (window == null) {
            return state(new Window(), now);
        }
        synchronized (window) {
            window.roll(now);
            return state(window, now);
        }
    }

    void reset() {
        windows.clear();
    }

    private LimitState state(Window window, long now) {
        Duration untilNextMinute = Duration.ofMillis(MINUTE_MILLIS - Math.floorMod(now, MINUTE_MILLIS));
        Duration untilNextDay = Duration.ofMillis(DAY_MILLIS - Math.floorMod(now, DAY_MILLIS));
        return new LimitState(requestsPerMinute, window.requests, tokensPerMinute, window.tokens, requestsPerDay,
                window.requestsToday, untilNextMinute, untilNextDay);
    }

    /** The outcome of admission; {@code refused} is null when the request was admitted. */
    record Admission(Quota refused, long requestedTokens, LimitState state) {

        boolean admitted() {
            return refused == null;
        }

        /** How long until the current window admits again. */
        Duration retryAfter() {
            return state.untilNextMinute();
        }
    }

    private static final class Window {
        private long minute = Long.MIN_VALUE;
        private long day = Long.MIN_VALUE;
        private long requests;
        private long tokens;
        private long requestsToday;

        void roll(long now) {
            long currentMinute = Math.floorDiv(now, MINUTE_MILLIS);
            if (currentMinute != minute) {
                minute = currentMinute;
                requests = 0;
                tokens = 0;
            }
            long currentDay = Math.floorDiv(now, DAY_MILLIS);
            if (currentDay != day) {
                day = currentDay;
                requestsToday = 0;
            }
        }
    }
}
