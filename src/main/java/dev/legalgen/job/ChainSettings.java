package dev.legalgen.job;

import dev.legalgen.provider.ProviderChain;
import dev.legalgen.provider.RouteCircuitBreakers;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code legalgen.chain.*}: how the provider chain retries, paces and trips its breakers. */
@ConfigurationProperties("legalgen.chain")
public record ChainSettings(
        @DefaultValue("2") int maxRetries,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("8s") Duration maxBackoff,
        @DefaultValue("5s") Duration maxRateLimitWait,
        @DefaultValue("60s") Duration maxPacingWait,
        @DefaultValue("3") int breakerFailureThreshold,
        @DefaultValue("30s") Duration breakerCooldown) {

    public ChainSettings {
        if (maxRetries < 0 || breakerFailureThreshold < 1) {
            throw new IllegalArgumentException("legalgen.chain.max-retries must be 0 or more and"
                    + " legalgen.chain.breaker-failure-threshold 1 or more");
        }
    }

    ProviderChain.Settings toChainSettings() {
        return new ProviderChain.Settings(maxRetries, initialBackoff, maxBackoff, maxRateLimitWait, maxPacingWait,
                new RouteCircuitBreakers.Settings(breakerFailureThreshold, breakerCooldown));
    }
}
