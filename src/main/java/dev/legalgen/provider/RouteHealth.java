package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which routes can still serve: the run's failed models and providers out, and each route's breaker. */
final class RouteHealth {

    private final List<Route> routes;
    private final ChainTracker tracker;
    private final RouteCircuitBreakers breakers;
    private final Duration cooldown;
    private final Clock clock;
    private final Map<Route, Instant> openedAt = new ConcurrentHashMap<>();
    /** Each route's latest failure that counts for its breaker: why the circuit is open. */
    private final Map<Route, String> lastBreakerFailure = new ConcurrentHashMap<>();

    RouteHealth(List<Route> routes, ChainTracker tracker, RouteCircuitBreakers.Settings breaker, Clock clock) {
        this.routes = List.copyOf(routes);
        this.tracker = tracker;
        this.cooldown = breaker.cooldown();
        this.clock = clock;
        this.breakers = new RouteCircuitBreakers(breaker, clock, this::onTransition);
    }

    RouteCircuitBreakers breakers() {
        return breakers;
    }

    /** A call on {@code route} failed: its breaker counts it, if its category counts. */
    void failed(Route route, ProviderCallException failure, Duration latency) {
        if (breakers.onFailure(route, failure, latency)) {
            lastBreakerFailure.put(route, failure.getMessage());
        }
    }

    /** Out for the run: its model failed or its provider was dropped. */
    boolean isOut(Route route) {
        return tracker.isUnavailable(route);
    }

    /** Not out, and its breaker is not open. */
    boolean isUsable(Route route) {
        return !tracker.isUnavailable(route) && breakers.state(route) != RouteCircuitBreakers.State.OPEN;
    }

    boolean anyRouteLeft() {
        return routes.stream().anyMatch(this::isUsable);
    }

    /** How long until an open breaker lets a trial call through. */
    Duration untilHalfOpen(Route route) {
        Instant opened = openedAt.get(route);
        if (opened == null) {
            return cooldown;
        }
        Duration left = Duration.between(clock.instant(), opened.plus(cooldown)).plusMillis(1);
        return left.isNegative() ? Duration.ofMillis(1) : left;
    }

    /** No route can serve: a failure naming every route and why it is out. */
    ProviderCallException exhausted(ProviderCallException lastFailure, Duration soonest) {
        List<String> why = new ArrayList<>();
        for (Route route : routes) {
            String out = tracker.whyOut(route);
            why.add(route + " "
                    + (out != null
                            ? out
                            : breakers.state(route) == RouteCircuitBreakers.State.OPEN
                                    ? "circuit open after: "
                                            + lastBreakerFailure.getOrDefault(route, "repeated failures")
                                    : "rate limited"));
        }
        ErrorCategory category = lastFailure != null
                ? lastFailure.category()
                : soonest != null ? ErrorCategory.RATE_LIMIT : ErrorCategory.GENERAL;
        String wait = soonest == null ? "" : " (earliest retry in " + Durations.format(soonest) + ")";
        return ProviderCallException.noRouteLeft(
                category,
                "no provider route left" + wait + ": " + String.join("; ", why)
                        + ". Fix the keys/models named above in legalgen.providers.*, or change the chain",
                lastFailure);
    }

    private void onTransition(Route route, RouteCircuitBreakers.State from, RouteCircuitBreakers.State to) {
        if (to == RouteCircuitBreakers.State.OPEN) {
            openedAt.put(route, clock.instant());
        }
        tracker.breakerTransition(route, from, to);
    }
}
