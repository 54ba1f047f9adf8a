package dev.legalgen.api;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.provider.ProviderChain;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code providers} health component: each configured provider's usability and, for the chains of
 * executions running here, each route's circuit state. Always UP: an unusable provider is a
 * configuration matter that the job reports when it is named, not a reason to restart the server.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProvidersHealthIndicator implements HealthIndicator {

    private final ProviderChains chains;

    ProvidersHealthIndicator(ProviderChains chains) {
        this.chains = chains;
    }

    @Override
    public Health health() {
        Map<String, Map<String, String>> circuits = new LinkedHashMap<>();
        for (Map.Entry<Long, ProviderChain> running : chains.running().entrySet()) {
            Map<String, String> routes = new LinkedHashMap<>();
            running.getValue().breakerStates().forEach((route, state) -> routes.put(route.toString(), state.name()));
            circuits.put("execution " + running.getKey(), routes);
        }
        return Health.up()
                .withDetail("providers", chains.usability())
                .withDetail("circuits", circuits)
                .build();
    }
}
