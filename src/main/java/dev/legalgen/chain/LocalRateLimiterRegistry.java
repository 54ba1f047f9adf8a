package dev.legalgen.chain;

import dev.legalgen.provider.ProviderRateLimiter;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.provider.SharedPace;
import dev.legalgen.provider.Sleeper;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The limiters of this process: one per provider, kept for the life of the process. With remote partitioning, a
 * {@link SharedPace} bean spaces their calls' starts among every worker's.
 */
@Component
class LocalRateLimiterRegistry implements RateLimiterRegistry {

    private final Clock clock;
    private final SharedPace pace;
    private final Map<String, ProviderRateLimiter> limiters = new ConcurrentHashMap<>();

    LocalRateLimiterRegistry(Clock clock, ObjectProvider<SharedPace> pace) {
        this.clock = clock;
        this.pace = pace.getIfAvailable(() -> SharedPace.NONE);
    }

    @Override
    public ProviderRateLimiter limiter(String provider, ProviderSettings settings) {
        return limiters.computeIfAbsent(
                provider, name -> new ProviderRateLimiter(name, settings, clock, Sleeper.SYSTEM, pace));
    }
}
