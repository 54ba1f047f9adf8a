package dev.legalgen.provider;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The chain's run-wide memory (failed models, providers out, switches, counters) and its event feed. */
final class ChainTracker {

    private final Clock clock;
    private final ChainEventListener listener;
    private final AtomicReference<Route> current = new AtomicReference<>();
    private final AtomicLong providerSwitches = new AtomicLong();
    private final AtomicLong modelSwitches = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    /** Per provider, each model out for the run and why. */
    private final Map<String, Map<String, String>> failedModels = new ConcurrentHashMap<>();
    private final Map<String, String> providersOut = new ConcurrentHashMap<>();

    ChainTracker(Clock clock, ChainEventListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    boolean isUnavailable(Route route) {
        return providersOut.containsKey(route.provider())
                || failedModels.getOrDefault(route.provider(), Map.of()).containsKey(route.model());
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

    void modelFailed(Route route, ProviderCallException failure) {
        if (markModelOut(route, "model unavailable")) {
            emit(ChainEvent.Type.MODEL_FAILED, route, failure.category(), "model out for the run: " + failure.getMessage());
        }
    }

    /** Configured models the endpoint does not list: out for the run, in one event per provider. */
    void modelsNotListed(List<Route> routes, String why) {
        routes.forEach(route -> markModelOut(route, why));
        emit(ChainEvent.Type.MODELS_NOT_LISTED, routes.get(0), ErrorCategory.MODEL_UNAVAILABLE,
                routes.stream().map(Route::toString).toList() + " " + why + ", left out for the run");
    }

    private boolean markModelOut(Route route, String why) {
        return failedModels.computeIfAbsent(route.provider(), provider -> new ConcurrentHashMap<>()).putIfAbsent(route.model(), why) == null;
    }

    void providerOut(Route route, ProviderCallException failure) {
        if (providersOut.putIfAbsent(route.provider(), failure.category().label() + ": " + failure.getMessage()) == null) {
            emit(ChainEvent.Type.PROVIDER_OUT, route, failure.category(), "provider out for the run: " + failure.getMessage());
        }
    }

    void breakerTransition(Route route, RouteCircuitBreakers.State from, RouteCircuitBreakers.State to) {
        emit(ChainEvent.Type.BREAKER_TRANSITION, route, null, from + " -> " + to);
    }

    String whyOut(Route route) {
        String out = providersOut.get(route.provider());
        return out != null ? out : failedModels.getOrDefault(route.provider(), Map.of()).get(route.model());
    }

    ChainState snapshot() {
        Map<String, List<String>> failed = new TreeMap<>();
        failedModels.forEach((provider, models) -> failed.put(provider, List.copyOf(new java.util.TreeSet<>(models.keySet()))));
        return new ChainState(current.get(), providerSwitches.get(), modelSwitches.get(), failed,
                new LinkedHashMap<>(new TreeMap<>(providersOut)), consecutiveFailures.get(), samples.get(), tokens.get());
    }

    private void emit(ChainEvent.Type type, Route route, ErrorCategory category, String reason) {
        listener.onEvent(new ChainEvent(clock.instant(), type, route, category, reason));
    }
}
