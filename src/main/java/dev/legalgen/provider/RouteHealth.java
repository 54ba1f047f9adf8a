package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final Map<Route, ProviderCallException> lastBreakerFailure = new ConcurrentHashMap<>();
    /** Why another process of the run opened a route's breaker, as it said; cleared when one opens here. */
    private final Map<Route, String> learntWhy = new ConcurrentHashMap<>();
    /** Set while this thread opens a breaker on another process's news. */
    private final ThreadLocal<Boolean> learning = new ThreadLocal<>();

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
        if (failure.category().countsForBreaker()) {
            lastBreakerFailure.put(route, failure); // before the breaker counts it: it may open on it
        }
        breakers.onFailure(route, failure, latency);
    }

    /**
     * Another process of the run opened the route's breaker: it opens here too, for the cooldown, unless it is open
     * already; its half-open trial then comes as for any breaker.
     */
    void learnOpen(Route route, String why) {
        if (breakers.state(route) == RouteCircuitBreakers.State.OPEN) {
            return;
        }
        learntWhy.put(route, why);
        learning.set(true);
        try {
            breakers.open(route);
        } finally {
            learning.remove();
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

    /**
     * No route can serve: a failure naming every route, the category and message of what took it out (each
     * message ends in its own fix; routes out for the same reason share it), for the step, the exit line and the
     * REST problem alike.
     */
    ProviderCallException exhausted(ProviderCallException lastFailure, Duration soonest) {
        Map<String, List<String>> routesByWhy = new LinkedHashMap<>();
        for (Route route : routes) {
            routesByWhy
                    .computeIfAbsent(whyUnusable(route, lastFailure), why -> new ArrayList<>())
                    .add(route.toString());
        }
        List<String> why = new ArrayList<>();
        routesByWhy.forEach((reason, named) -> why.add(String.join(", ", named) + " " + reason));
        ErrorCategory category = lastFailure != null
                ? lastFailure.category()
                : soonest != null ? ErrorCategory.RATE_LIMIT : ErrorCategory.GENERAL;
        String wait = soonest == null ? "" : " (earliest retry in " + Durations.format(soonest) + ")";
        return ProviderCallException.noRouteLeft(
                category, "no provider route left" + wait + ": " + String.join("; ", why), lastFailure);
    }

    private String whyUnusable(Route route, ProviderCallException lastFailure) {
        String out = tracker.whyOut(route);
        if (out != null) {
            return out;
        }
        if (breakers.state(route) == RouteCircuitBreakers.State.OPEN) {
            String learnt = learntWhy.get(route);
            if (learnt != null) {
                return learnt + " (in another process of the run)";
            }
            return openedBy(route);
        }
        // neither out nor open: its provider paces it past the wait allowed
        return lastFailure != null && route.equals(routeOf(lastFailure)) ? lastFailure.explanation() : "rate limited";
    }

    private static Route routeOf(ProviderCallException failure) {
        return failure.provider() == null || failure.model() == null
                ? null
                : new Route(failure.provider(), failure.model());
    }

    private String openedBy(Route route) {
        ProviderCallException opened = lastBreakerFailure.get(route);
        return "circuit open after " + (opened == null ? "repeated failures" : opened.explanation());
    }

    private void onTransition(Route route, RouteCircuitBreakers.State from, RouteCircuitBreakers.State to) {
        boolean learnt = Boolean.TRUE.equals(learning.get());
        boolean opened = to == RouteCircuitBreakers.State.OPEN;
        if (opened) {
            openedAt.put(route, clock.instant());
            if (!learnt) {
                learntWhy.remove(route);
            }
        }
        tracker.breakerTransition(route, from, to, opened && !learnt ? openedBy(route) : null, learnt);
    }
}
