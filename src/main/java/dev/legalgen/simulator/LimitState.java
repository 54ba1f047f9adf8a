package dev.legalgen.simulator;

import java.time.Duration;

/** One model's quota usage at one instant, as the rate-limit headers report it. */
record LimitState(
        long requestsPerMinute,
        long requestsThisMinute,
        long tokensPerMinute,
        long tokensUsed,
        Duration tokensRefilledIn,
        long requestsPerDay,
        long requestsToday,
        Duration untilNextMinute,
        Duration untilNextDay) {

    /** What the headers report for an unlimited quota, as Cerebras' own example does. */
    static final long UNLIMITED = 1_000_000_000L;

    long remainingRequestsThisMinute() {
        return Math.max(0, requestsPerMinute - requestsThisMinute);
    }

    /** What the token bucket holds now. */
    long remainingTokens() {
        return Math.max(0, tokensPerMinute - tokensUsed);
    }

    long remainingRequestsToday() {
        return Math.max(0, requestsPerDay - requestsToday);
    }
}
