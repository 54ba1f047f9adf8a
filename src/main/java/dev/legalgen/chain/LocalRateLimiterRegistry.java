package dev.legalgen.chain;

import dev.legalgen.provider.ProviderRateLimiter;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.provider.SharedLimits;
import dev.legalgen.provider.Sleeper;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The limiters of this process: one per provider, kept for the life of the process. With remote partitioning, a
 * {@link SharedLimits} bean shares their limits (calls' starts, tokens per minute) among every worker's.
 */
@Component
class LocalRateLimiterRegistry implements RateLimiterRegistry {

    private final Clock clock;
    private final SharedLimits shared;
    private final Map<String, ProviderRateLimiter> limiters = new ConcurrentHashMap<>();

    LocalRateLimiterRegistry(Clock clock, ObjectProvider<SharedLimits> shared) {
        this.clock = clock;
        this.shared = shared.getIfAvailable(() -> SharedLimits.NONE);
    }

    @Override
    public ProviderRateLimiter limiter(String provider, ProviderSettings settings) {
        return limiters.computeIfAbsent(
                provider, name -> new ProviderRateLimiter(name, settings, clock, Sleeper.SYSTEM, shared));
    }
}
