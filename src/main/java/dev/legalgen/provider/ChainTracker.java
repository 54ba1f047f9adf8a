package dev.legalgen.provider;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The chain's run-wide memory (switches, counters, and the routes out, which it may share) and its event feed. */
final class ChainTracker {

    private final Clock clock;
    private final ChainEventListener listener;
    private final AtomicReference<Route> current = new AtomicReference<>();
    private final AtomicLong providerSwitches = new AtomicLong();
    private final AtomicLong modelSwitches = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final RouteOutages outages;
    private final Set<String> providers;
    /** Where what this chain finds out about routes goes, for the other processes of its run; nowhere by default. */
    private volatile Consumer<RouteNews> news = found -> {};

    ChainTracker(Clock clock, ChainEventListener listener, RouteOutages outages, Set<String> providers) {
        this.clock = clock;
        this.listener = listener;
        this.outages = outages;
        this.providers = Set.copyOf(providers);
    }

    boolean isUnavailable(Route route) {
        return outages.isOut(route);
    }

    /** The preflight heard from {@code provider}: forget what was known of it. */
    void answered(String provider) {
        outages.forget(provider);
    }

    /** A provider billed a call of {@code route}. */
    void billed(Route route, Bill bill) {
        listener.onBilled(route, bill);
    }

    /**
     * An item got its answer from {@code completion}'s route after starting at {@code firstChoice}.
     * A switch is a failover: the item had to leave its first choice. (Weighted routing sends
     * consecutive items to different providers by design; that is not a switch.)
     */
    void succeeded(Completion completion, Route firstChoice) {
        samples.incrementAndGet();
        tokens.addAndGet(completion.totalTokens());
        consecutiveFailures.set(0);
        Route route = completion.route();
        current.set(route);
        listener.onCompletion(completion);
        if (firstChoice == null || firstChoice.equals(route)) {
            return;
        }
        if (firstChoice.provider().equals(route.provider())) {
            modelSwitches.incrementAndGet();
            emit(ChainEvent.Type.MODEL_SWITCH, route, null, "from " + firstChoice);
        } else {
            providerSwitches.incrementAndGet();
            emit(ChainEvent.Type.PROVIDER_SWITCH, route, null, "from " + firstChoice);
        }
    }

    void failed(Route route, ErrorCategory category, String reason) {
        consecutiveFailures.incrementAndGet();
        emit(ChainEvent.Type.FAILURE, route, category, reason);
    }

    void retrying(Route route, ErrorCategory category, String reason) {
        emit(ChainEvent.Type.RETRY, route, category, reason);
    }

    void shareNews(Consumer<RouteNews> sink) {
        news = sink;
    }

    /** Another process of the run found the route out: it is out here too, without an event (that one has it). */
    void learn(RouteNews found) {
        switch (found.kind()) {
            case PROVIDER_OUT -> outages.markProviderOut(found.route().provider(), found.why());
            case MODEL_OUT -> outages.markModelOut(found.route(), found.why());
            case BREAKER_OPEN -> throw new IllegalArgumentException("a breaker is the route health's: " + found);
        }
    }

    void modelFailed(Route route, ProviderCallException failure) {
        if (outages.markModelOut(route, failure.explanation())) {
            news.accept(new RouteNews(RouteNews.Kind.MODEL_OUT, route, failure.explanation()));
            emit(
                    ChainEvent.Type.MODEL_FAILED,
                    route,
                    failure.category(),
                    "model out for the run: " + failure.getMessage());
        }
    }

    /** Configured models the endpoint does not list: out for the run, in one event per provider. */
    void modelsNotListed(List<Route> routes, String why) {
        routes.forEach(route -> {
            if (outages.markModelOut(route, why)) {
                news.accept(new RouteNews(RouteNews.Kind.MODEL_OUT, route, why));
            }
        });
        emit(
                ChainEvent.Type.MODELS_NOT_LISTED,
                routes.get(0),
                ErrorCategory.MODEL_UNAVAILABLE,
                routes.stream().map(Route::toString).toList() + " " + why + ", left out for the run");
    }

    void providerOut(Route route, ProviderCallException failure) {
        if (outages.markProviderOut(route.provider(), failure.explanation())) {
            news.accept(new RouteNews(RouteNews.Kind.PROVIDER_OUT, route, failure.explanation()));
            emit(
                    ChainEvent.Type.PROVIDER_OUT,
                    route,
                    failure.category(),
                    "provider out for the run: " + failure.getMessage());
        }
    }

    /** The event names what the provider said, by its structured fields: status, {@code param}, {@code code}. */
    void structuredOutputDowngraded(Route route, ProviderCallException refusal) {
        emit(
                ChainEvent.Type.STRUCTURED_OUTPUT_DOWNGRADED,
                route,
                refusal.category(),
                "json_schema refused (" + refusal.httpStatus()
                        + (refusal.errorParam() == null ? "" : " param " + refusal.errorParam())
                        + (refusal.errorCode() == null ? "" : " code " + refusal.errorCode())
                        + "): json_object for the rest of the run");
    }

    /**
     * A breaker moved; {@code openedBy} is why it opened after failures here (news for the other processes), or null
     * when it did not open or opened on their news ({@code learnt}).
     */
    void breakerTransition(
            Route route,
            RouteCircuitBreakers.State from,
            RouteCircuitBreakers.State to,
            String openedBy,
            boolean learnt) {
        emit(
                ChainEvent.Type.BREAKER_TRANSITION,
                route,
                null,
                to,
                from + " -> " + to + (learnt ? " (opened by another process of the run)" : ""));
        if (openedBy != null) {
            news.accept(new RouteNews(RouteNews.Kind.BREAKER_OPEN, route, openedBy));
        }
    }

    String whyOut(Route route) {
        return outages.whyOut(route);
    }

    ChainState snapshot() {
        return new ChainState(
                current.get(),
                providerSwitches.get(),
                modelSwitches.get(),
                outages.modelsOut(providers),
                outages.providersOut(providers),
                consecutiveFailures.get(),
                samples.get(),
                tokens.get());
    }

    private void emit(ChainEvent.Type type, Route route, ErrorCategory category, String reason) {
        emit(type, route, category, null, reason);
    }

    private void emit(
            ChainEvent.Type type,
            Route route,
            ErrorCategory category,
            RouteCircuitBreakers.State breakerState,
            String reason) {
        listener.onEvent(new ChainEvent(clock.instant(), type, route, category, breakerState, reason));
    }
}
