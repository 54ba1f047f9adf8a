package dev.legalgen.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One named resilience4j breaker per route. Opens after N consecutive failures that count for it
 * ({@link ErrorCategory#countsForBreaker()}), half-opens after a cooldown for one trial call; other
 * failures neither trip nor heal a breaker.
 */
public final class RouteCircuitBreakers {

    /** Breaker policy: consecutive transient failures to open, and how long to stay open. */
    public record Settings(int failureThreshold, Duration cooldown) {
        public static final Settings DEFAULT = new Settings(3, Duration.ofSeconds(30));

        public Settings {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException(
                        "breaker failure threshold must be at least 1, was " + failureThreshold);
            }
            if (cooldown == null || cooldown.isNegative() || cooldown.isZero()) {
                throw new IllegalArgumentException("breaker cooldown must be a positive duration, was " + cooldown);
            }
        }
    }

    /** The states that matter to callers. */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    /** Receives every state change of every route's breaker (for switch tracking). */
    @FunctionalInterface
    public interface TransitionListener {
        TransitionListener NONE = (route, from, to) -> {};

        void onTransition(Route route, State from, State to);
    }

    private final CircuitBreakerRegistry registry;
    private final TransitionListener listener;
    private final Map<Route, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public RouteCircuitBreakers(Settings settings, Clock clock, TransitionListener listener) {
        this.listener = listener;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                // a count window of N with a 100% threshold = N consecutive failures
                .slidingWindow(
                        settings.failureThreshold(),
                        settings.failureThreshold(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100f)
                .waitDurationInOpenState(settings.cooldown())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(failure -> true)
                .clock(clock)
                .build());
    }

    /** True when the route may be called now; a half-open breaker lets one trial call through. */
    public boolean tryAcquire(Route route) {
        return breaker(route).tryAcquirePermission();
    }

    /** The permission was taken but no call was made (e.g. the rate limiter said wait). */
    public void release(Route route) {
        breaker(route).releasePermission();
    }

    public void onSuccess(Route route, Duration latency) {
        breaker(route).onSuccess(latency.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Counts a failure whose category counts, returning true; any other just returns the permission. */
    public boolean onFailure(Route route, ProviderCallException failure, Duration latency) {
        if (failure.category().countsForBreaker()) {
            breaker(route).onError(latency.toNanos(), TimeUnit.NANOSECONDS, failure);
            return true;
        }
        breaker(route).releasePermission();
        return false;
    }

    /** Opens the route's breaker now, for the cooldown, as if failures had opened it. */
    public void open(Route route) {
        breaker(route).transitionToOpenState();
    }

    public State state(Route route) {
        return map(breaker(route).getState());
    }

    private CircuitBreaker breaker(Route route) {
        return breakers.computeIfAbsent(route, this::create);
    }

    private CircuitBreaker create(Route route) {
        CircuitBreaker breaker = registry.circuitBreaker(route.toString());
        breaker.getEventPublisher()
                .onStateTransition(event -> listener.onTransition(
                        route,
                        map(event.getStateTransition().getFromState()),
                        map(event.getStateTransition().getToState())));
        return breaker;
    }

    private static State map(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED, DISABLED, METRICS_ONLY -> State.CLOSED;
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
        };
    }
}
