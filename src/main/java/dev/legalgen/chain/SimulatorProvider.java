package dev.legalgen.chain;

import dev.legalgen.provider.ApiKey;
import dev.legalgen.provider.BatchSupport;
import dev.legalgen.provider.ModelPrice;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.simulator.Dialect;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The provider named {@code simulator}: the built-in simulator, served in this process on a free
 * loopback port the first time a chain names it, and spoken to over real HTTP like any provider.
 */
@Component
public class SimulatorProvider implements DisposableBean {

    public static final String NAME = "simulator";
    /** The simulator accepts only this key, so the client's Authorization header is exercised too. */
    private static final String KEY = "sim-local-key";

    private final Settings settings;
    private Simulator simulator;

    public SimulatorProvider(Settings settings) {
        this.settings = settings;
    }

    /**
     * {@code legalgen.simulator.*}: latency, wire dialect, models and their prices ({@code prices[<model>]}, as a
     * provider's) of the in-process simulator.
     */
    @ConfigurationProperties("legalgen.simulator")
    public record Settings(
            @DefaultValue("0ms") Duration latency,
            @DefaultValue("GROQ") Dialect dialect,

            @DefaultValue({"legal-sim-large", "legal-sim-small"})
            List<String> models,

            @DefaultValue("0") int requestsPerMinute,
            @DefaultValue("0") int tokensPerMinute,
            Map<String, ModelPrice> prices) {}

    /** The running simulator, started on first use. */
    public synchronized Simulator simulator() {
        if (simulator == null) {
            simulator = Simulator.start(SimulatorConfig.defaults()
                    .withLatency(settings.latency())
                    .withDialect(settings.dialect())
                    .withModels(settings.models())
                    .withApiKey(KEY)
                    .withLimits(settings.requestsPerMinute(), settings.tokensPerMinute()));
        }
        return simulator;
    }

    /** Provider settings that point at the running simulator. */
    public ProviderSettings providerSettings() {
        return new ProviderSettings(
                URI.create(simulator().baseUrl()),
                ApiKey.of(KEY),
                settings.models(),
                settings.requestsPerMinute(),
                settings.tokensPerMinute(),
                0,
                0,
                Duration.ofSeconds(30),
                Duration.ofSeconds(2),
                0,
                null,
                Map.of(),
                settings.prices(),
                // the simulator serves the Batch API for all its models, at the providers' discount
                new BatchSupport(true, List.of(), null, null));
    }

    @Override
    public synchronized void destroy() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
