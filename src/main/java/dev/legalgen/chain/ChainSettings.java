package dev.legalgen.chain;

import dev.legalgen.config.SettingsProblems;
import dev.legalgen.provider.ChainPolicy;
import dev.legalgen.provider.RouteCircuitBreakers;
import dev.legalgen.provider.Routing;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code legalgen.chain.*}: how the provider chain retries, paces and trips its breakers; {@code routing}
 * {@code weighted} spreads calls over providers with headroom, {@code priority} drains them in chain order;
 * {@code fixed-delay} pauses before every request (the seed's policy, for comparison).
 */
@ConfigurationProperties("legalgen.chain")
public record ChainSettings(
        @DefaultValue("2") int maxRetries,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("8s") Duration maxBackoff,
        @DefaultValue("5s") Duration maxRateLimitWait,
        @DefaultValue("60s") Duration maxPacingWait,
        @DefaultValue("3") int breakerFailureThreshold,
        @DefaultValue("30s") Duration breakerCooldown,
        @DefaultValue("weighted") Routing routing,
        @DefaultValue("0ms") Duration fixedDelay) {

    public ChainSettings {
        new SettingsProblems()
                .require(maxRetries >= 0, "legalgen.chain.max-retries must be 0 or more, was " + maxRetries)
                .require(
                        breakerFailureThreshold >= 1,
                        "legalgen.chain.breaker-failure-threshold must be 1 or more, was " + breakerFailureThreshold)
                .require(!fixedDelay.isNegative(), "legalgen.chain.fixed-delay must not be negative, was " + fixedDelay)
                .throwIfAny();
    }

    ChainPolicy toPolicy() {
        return new ChainPolicy(
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxRateLimitWait,
                maxPacingWait,
                new RouteCircuitBreakers.Settings(breakerFailureThreshold, breakerCooldown),
                routing,
                fixedDelay);
    }
}
