package dev.legalgen.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * The order in which one call tries the routes. {@link Routing#PRIORITY}: chain order. {@link Routing#WEIGHTED}:
 * the routes of one provider first, picked among those still in the run with headroom now, at random by weight;
 * when none has headroom, the one whose limiter frees up soonest; then everyone else's routes in chain order,
 * so failover is unchanged.
 */
final class RouteSelector {

    private final Routing routing;
    private final List<Route> routes;
    private final Set<String> providers;
    private final Map<String, ProviderChain.Member> members;
    private final Predicate<Route> usable;
    private final DoubleSupplier random;

    RouteSelector(
            Routing routing,
            List<Route> routes,
            Map<String, ProviderChain.Member> members,
            Predicate<Route> usable,
            DoubleSupplier random) {
        this.routing = routing;
        this.routes = List.copyOf(routes);
        this.providers = new LinkedHashSet<>();
        routes.forEach(route -> providers.add(route.provider()));
        this.members = members;
        this.usable = usable;
        this.random = random;
    }

    List<Route> order(int promptChars) {
        String first = routing == Routing.PRIORITY ? null : startProvider(promptChars);
        if (first == null) {
            return routes;
        }
        List<Route> ordered = new ArrayList<>(routes.size());
        routes.stream().filter(route -> route.provider().equals(first)).forEach(ordered::add);
        routes.stream().filter(route -> !route.provider().equals(first)).forEach(ordered::add);
        return ordered;
    }

    /** The provider this call starts with, or null when none is left in the run. */
    String startProvider(int promptChars) {
        List<String> ready = new ArrayList<>();
        long totalWeight = 0;
        String soonest = null;
        Duration soonestWait = null;
        for (String provider : providers) {
            if (!inRun(provider)) {
                continue;
            }
            ProviderChain.Member member = members.get(provider);
            Duration wait = member.limiter().availableIn(promptChars);
            if (wait.isZero()) {
                ready.add(provider);
                totalWeight += member.weight();
            } else if (soonestWait == null || wait.compareTo(soonestWait) < 0) {
                soonest = provider;
                soonestWait = wait;
            }
        }
        if (ready.isEmpty()) {
            return soonest; // its limiter's acquire waits for the slot: no spinning here
        }
        double target = random.getAsDouble() * totalWeight;
        for (String provider : ready) {
            target -= members.get(provider).weight();
            if (target < 0) {
                return provider;
            }
        }
        return ready.get(ready.size() - 1);
    }

    private boolean inRun(String provider) {
        return routes.stream().anyMatch(route -> route.provider().equals(provider) && usable.test(route));
    }
}
