package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** What every item's attempts share: the providers, the routes' health, the run's tracker, the policy and time. */
final class RouteCaller {

    final Map<String, ProviderChain.Member> members;
    final RouteHealth health;
    final RouteCircuitBreakers breakers;
    final ChainTracker tracker;
    final ProviderChain.Settings settings;
    final Backoff backoff;
    final Clock clock;
    private final Sleeper sleeper;

    RouteCaller(Map<String, ProviderChain.Member> members, RouteHealth health, ChainTracker tracker, ProviderChain.Settings settings,
            Backoff backoff, Clock clock, Sleeper sleeper) {
        this.members = members;
        this.health = health;
        this.breakers = health.breakers();
        this.tracker = tracker;
        this.settings = settings;
        this.backoff = backoff;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A permit from the provider's limiter, waiting up to {@code maxWait} for its slot. */
    ProviderRateLimiter.Admission admit(Route route, int promptChars, Duration maxWait) {
        try {
            return members.get(route.provider()).limiter().acquire(promptChars, maxWait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ProviderCallException(route.provider(), route.model(), ErrorCategory.GENERAL, null, null, null, null,
                    "interrupted while waiting for " + route.provider() + "'s rate limit", interrupted);
        }
    }

    void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ProviderCallException(null, null, ErrorCategory.GENERAL, null, null, null, null, "interrupted while backing off", interrupted);
        }
    }
}
