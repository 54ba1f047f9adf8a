package dev.legalgen.chain;

import dev.legalgen.provider.ChainSpec;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.provider.ProvidersProperties;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The providers a chain may name: those configured under {@code legalgen.providers}, and the built-in simulator. */
@Component
public class ProviderRegistry {

    private final ProvidersProperties configured;
    private final SimulatorProvider simulator;

    ProviderRegistry(ProvidersProperties configured, SimulatorProvider simulator) {
        this.configured = configured;
        this.simulator = simulator;
    }

    /** The configured providers, plus the simulator (started now) when {@code chain} names it. */
    ProvidersProperties forChain(String chain) {
        Map<String, ProviderSettings> providers = new LinkedHashMap<>(configured.providers());
        if (ChainSpec.providerNames(chain).contains(SimulatorProvider.NAME)) {
            providers.putIfAbsent(SimulatorProvider.NAME, simulator.providerSettings());
        }
        return new ProvidersProperties(providers);
    }

    /** Every provider a chain may name: the configured ones, then the simulator. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>(configured.providers().keySet());
        names.add(SimulatorProvider.NAME);
        return names;
    }

    /** The configured providers and whether a chain could use them: {@code usable}, or why not. */
    public Map<String, String> usability() {
        Map<String, String> usability = new LinkedHashMap<>();
        configured
                .providers()
                .forEach((name, provider) -> usability.put(
                        name,
                        provider.apiKey().isPresent()
                                ? "usable"
                                : "no key (set " + ProviderSettings.keyVariable(name) + ")"));
        usability.putIfAbsent(SimulatorProvider.NAME, "usable (built-in, started on first use)");
        return usability;
    }
}
