package dev.legalgen.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes known to be out, and why: providers whose key or account was refused, models gone. A process
 * keeps one for all its runs (the batches side by side in {@code serve}), so what one run learns the
 * others do not pay for again; each run's preflight looks afresh at the providers it lists.
 */
public final class RouteOutages {

    private final Map<String, String> providersOut = new ConcurrentHashMap<>();
    /** Per provider, each model out and why. */
    private final Map<String, Map<String, String>> modelsOut = new ConcurrentHashMap<>();

    boolean isOut(Route route) {
        return whyOut(route) != null;
    }

    /** Why the route is out, or null when it is not. */
    String whyOut(Route route) {
        String provider = providersOut.get(route.provider());
        return provider != null
                ? provider
                : modelsOut.getOrDefault(route.provider(), Map.of()).get(route.model());
    }

    /** True when this call is the first to learn it. */
    boolean markProviderOut(String provider, String why) {
        return providersOut.putIfAbsent(provider, why) == null;
    }

    /** True when this call is the first to learn it. */
    boolean markModelOut(Route route, String why) {
        return modelsOut
                        .computeIfAbsent(route.provider(), provider -> new ConcurrentHashMap<>())
                        .putIfAbsent(route.model(), why)
                == null;
    }

    /** The provider answered its model listing with this run's key: what was known of it is stale. */
    void forget(String provider) {
        providersOut.remove(provider);
        modelsOut.remove(provider);
    }

    /** Models out, by provider, for {@code providers}, sorted. */
    Map<String, List<String>> modelsOut(Set<String> providers) {
        Map<String, List<String>> out = new TreeMap<>();
        modelsOut.forEach((provider, models) -> {
            if (providers.contains(provider) && !models.isEmpty()) {
                out.put(provider, List.copyOf(new TreeSet<>(models.keySet())));
            }
        });
        return out;
    }

    /** Providers out, and why, for {@code providers}, sorted by name. */
    Map<String, String> providersOut(Set<String> providers) {
        Map<String, String> out = new TreeMap<>();
        providersOut.forEach((provider, why) -> {
            if (providers.contains(provider)) {
                out.put(provider, why);
            }
        });
        return new LinkedHashMap<>(out);
    }
}
