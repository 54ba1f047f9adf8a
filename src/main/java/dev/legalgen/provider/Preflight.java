package dev.legalgen.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before a run's first chat call, each provider of the chain lists its models ({@code GET /models}: free,
 * and it needs the key): a rejected key or an endpoint that does not answer takes the provider out before
 * any item pays for finding out, and configured models the endpoint does not list are left out for the run.
 * A listing that fails for another reason proves nothing: the chat calls decide.
 */
final class Preflight {

    private final List<Route> routes;
    private final Map<String, ProviderChain.Member> members;
    private final ChainTracker tracker;

    Preflight(List<Route> routes, Map<String, ProviderChain.Member> members, ChainTracker tracker) {
        this.routes = routes;
        this.members = members;
        this.tracker = tracker;
    }

    /** Checks every provider; returns the last failure that took one out, or null. */
    ProviderCallException run() {
        ProviderCallException lastDrop = null;
        for (Map.Entry<String, ProviderChain.Member> member : members.entrySet()) {
            List<Route> own = routes.stream()
                    .filter(route -> route.provider().equals(member.getKey()))
                    .toList();
            try {
                member.getValue().client().listModels().ifPresent(listed -> {
                    tracker.answered(member.getKey());
                    leaveOutUnlisted(own, listed);
                });
            } catch (ProviderCallException failure) {
                if (failure.category().dropsProviderBeforeTheRun()) {
                    tracker.providerOut(own.get(0), failure);
                    lastDrop = failure;
                }
            }
        }
        return lastDrop;
    }

    private void leaveOutUnlisted(List<Route> own, Set<String> listed) {
        List<Route> unlisted = new ArrayList<>();
        for (Route route : own) {
            if (!listed.contains(route.model())) {
                unlisted.add(route);
            }
        }
        if (!unlisted.isEmpty()) {
            String provider = own.get(0).provider();
            tracker.modelsNotListed(
                    unlisted,
                    "not listed by " + provider + "'s GET /models (remove them from legalgen.providers." + provider
                            + ".models)");
        }
    }
}
