package dev.legalgen.testsupport;

import dev.legalgen.simulator.Simulator;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Configures a provider ({@code legalgen.providers.<name>.*}) that is a simulator: for whole-job and API tests, or
 * on the packaged jar's command line.
 */
public final class SimulatedProviders {

    private SimulatedProviders() {}

    /** A provider at {@code simulator} with {@code key} and {@code models}, no limits of its own. */
    public static void register(
            DynamicPropertyRegistry registry, String name, Simulator simulator, String key, String models) {
        register(registry, name, simulator, key, models, 0);
    }

    /** As above, pacing itself at {@code requestsPerMinute} (0: no limit). */
    public static void register(
            DynamicPropertyRegistry registry,
            String name,
            Simulator simulator,
            String key,
            String models,
            int requestsPerMinute) {
        String prefix = "legalgen.providers." + name + ".";
        registry.add(prefix + "base-url", simulator::baseUrl);
        registry.add(prefix + "api-key", () -> key);
        registry.add(prefix + "models", () -> models);
        registry.add(prefix + "requests-per-minute", () -> requestsPerMinute);
        registry.add(prefix + "tokens-per-minute", () -> 0);
        registry.add(prefix + "requests-per-day", () -> 0);
        registry.add(prefix + "tokens-per-day", () -> 0);
    }

    /** The same provider as command-line properties, for the packaged jar: no limits of its own. */
    public static List<String> arguments(String name, Simulator simulator, String key, String models) {
        String prefix = "--legalgen.providers." + name + ".";
        return List.of(
                prefix + "base-url=" + simulator.baseUrl(), prefix + "api-key=" + key, prefix + "models=" + models);
    }

    /**
     * A read timeout for {@code name} longer than any test holds its simulator's requests: the default 30 s is less
     * than a loaded machine can take to start the process the test runs meanwhile.
     */
    public static String timeoutForHeldRequests(String name) {
        return "--legalgen.providers." + name + ".timeout=10m";
    }
}
