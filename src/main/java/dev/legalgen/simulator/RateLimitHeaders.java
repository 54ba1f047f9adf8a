package dev.legalgen.simulator;

import com.sun.net.httpserver.Headers;
import java.time.Duration;

/** Writes the {@code x-ratelimit-*} headers every response carries, in the configured dialect. */
final class RateLimitHeaders {

    private RateLimitHeaders() {}

    static void write(Dialect dialect, LimitState state, Headers headers) {
        switch (dialect) {
            case GROQ -> groq(state, headers);
            case CEREBRAS -> cerebras(state, headers);
        }
    }

    // Groq: the "requests" headers are per DAY, the "tokens" headers per minute; resets are Go durations.
    private static void groq(LimitState state, Headers headers) {
        headers.set("x-ratelimit-limit-requests", Long.toString(state.requestsPerDay()));
        headers.set("x-ratelimit-limit-tokens", Long.toString(state.tokensPerMinute()));
        headers.set("x-ratelimit-remaining-requests", Long.toString(state.remainingRequestsToday()));
        headers.set("x-ratelimit-remaining-tokens", Long.toString(state.remainingTokens()));
        // Groq's daily bucket refills continuously: the reset is the time to earn back what was used today.
        Duration refill = Duration.ofNanos(state.requestsToday() * (86_400_000_000_000L / state.requestsPerDay()));
        headers.set("x-ratelimit-reset-requests", WireFormats.goDuration(refill));
        // The token bucket refills continuously: the reset is the time until it is full again.
        headers.set("x-ratelimit-reset-tokens", WireFormats.goDuration(state.tokensRefilledIn()));
    }

    // Cerebras: explicit -day/-minute suffixes and float seconds to the next window boundary, even for the token
    // bucket, which refills continuously whatever the header counts down to.
    private static void cerebras(LimitState state, Headers headers) {
        String untilNextMinute = WireFormats.floatSeconds(state.untilNextMinute());
        headers.set("x-ratelimit-limit-requests-day", Long.toString(state.requestsPerDay()));
        headers.set("x-ratelimit-limit-tokens-minute", Long.toString(state.tokensPerMinute()));
        headers.set("x-ratelimit-remaining-requests-day", Long.toString(state.remainingRequestsToday()));
        headers.set("x-ratelimit-remaining-tokens-minute", Long.toString(state.remainingTokens()));
        headers.set("x-ratelimit-reset-requests-day", WireFormats.floatSeconds(state.untilNextDay()));
        headers.set("x-ratelimit-reset-tokens-minute", untilNextMinute);
        // Observed in 2026 though undocumented: the per-minute request trio.
        headers.set("x-ratelimit-limit-requests-minute", Long.toString(state.requestsPerMinute()));
        headers.set("x-ratelimit-remaining-requests-minute", Long.toString(state.remainingRequestsThisMinute()));
        headers.set("x-ratelimit-reset-requests-minute", untilNextMinute);
    }
}
