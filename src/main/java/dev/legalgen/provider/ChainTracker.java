package dev.legalgen.provider;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Map<String, Set<String>> failedModels = new ConcurrentHashMap<>();
    private final Map<String, String> providersOut = new ConcurrentHashMap<>();

    ChainTracker(Clock clock, ChainEventListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    boolean isUnavailable(Route route) {
        return providersOut.containsKey(route.provider())
                || failedModels.getOrDefault(route.provider(), Set.of()).contains(route.model());
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
        if (failedModels.computeIfAbsent(route.provider(), provider -> ConcurrentHashMap.newKeySet()).add(route.model())) {
            emit(ChainEvent.Type.MODEL_FAILED, route, failure.category(), "model out for the run: " + failure.getMessage());
        }
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
        return out != null ? out : failedModels.getOrDefault(route.provider(), Set.of()).contains(route.model()) ? "model unavailable" : null;
    }

    ChainState snapshot() {
        Map<String, List<String>> failed = new TreeMap<>();
        failedModels.forEach((provider, models) -> failed.put(provider, List.copyOf(new java.util.TreeSet<>(models))));
        return new ChainState(current.get(), providerSwitches.get(), modelSwitches.get(), failed,
                new LinkedHashMap<>(new TreeMap<>(providersOut)), consecutiveFailures.get(), samples.get(), tokens.get());
    }

    private void emit(ChainEvent.Type type, Route route, ErrorCategory category, String reason) {
        listener.onEvent(new ChainEvent(clock.instant(), type, route, category, reason));
    }
}
