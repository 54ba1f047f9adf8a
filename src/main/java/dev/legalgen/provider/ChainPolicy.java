package dev.legalgen.provider;

import java.time.Duration;

/**
 * How a {@link ProviderChain} retries, paces and trips its breakers; {@link #DEFAULT} suits the free tiers.
 * {@code fixedDelay} pauses before every request
 * (zero: none), to compare with the seed's fixed inter-request delay.
 */
public record ChainPolicy(
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRateLimitWait,
        Duration maxPacingWait,
        RouteCircuitBreakers.Settings breaker,
        Routing routing,
        Duration fixedDelay) {
    public static final ChainPolicy DEFAULT = new ChainPolicy(
            2,
            Duration.ofMillis(500),
            Duration.ofSeconds(8),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            RouteCircuitBreakers.Settings.DEFAULT);

    public ChainPolicy {
        routing = routing == null ? Routing.WEIGHTED : routing;
        fixedDelay = fixedDelay == null ? Duration.ZERO : fixedDelay;
        if (fixedDelay.isNegative()) {
            throw new IllegalArgumentException("fixed delay must not be negative, was " + fixedDelay);
        }
    }

    /** Weighted routing, no fixed delay. */
    public ChainPolicy(
            int maxRetries,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration maxRateLimitWait,
            Duration maxPacingWait,
            RouteCircuitBreakers.Settings breaker) {
        this(
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxRateLimitWait,
                maxPacingWait,
                breaker,
                Routing.WEIGHTED,
                Duration.ZERO);
    }

    public ChainPolicy withRouting(Routing newRouting) {
        return new ChainPolicy(
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxRateLimitWait,
                maxPacingWait,
                breaker,
                newRouting,
                fixedDelay);
    }

    public ChainPolicy withFixedDelay(Duration newFixedDelay) {
        return new ChainPolicy(
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxRateLimitWait,
                maxPacingWait,
                breaker,
                routing,
                newFixedDelay);
    }
}
