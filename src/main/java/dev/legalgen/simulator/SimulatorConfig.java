package dev.legalgen.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link Simulator} behaves. {@code apiKey} null accepts any non-empty bearer token; limits of 0 are
 * unlimited; port 0 picks an ephemeral port; {@code modelsWithoutJsonSchema} answer a {@code json_schema} request
 * with the dialect's 400, as Groq's models other than gpt-oss do (the others take it, as on Cerebras);
 * {@code batchTiming} paces the Batch API.
 */
public record SimulatorConfig(
        int port,
        Dialect dialect,
        List<String> models,
        String apiKey,
        Duration latency,
        int requestsPerMinute,
        int tokensPerMinute,
        Clock clock,
        Set<String> modelsWithoutJsonSchema,
        BatchTiming batchTiming) {

    public SimulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("simulator port must be 0..65535, was " + port);
        }
        Objects.requireNonNull(dialect, "dialect");
        models = List.copyOf(Objects.requireNonNull(models, "models"));
        if (models.isEmpty()) {
            throw new IllegalArgumentException("simulator needs at least one model id");
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("simulator apiKey must be null (accept any) or non-blank");
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("simulator latency must not be negative, was " + latency);
        }
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("simulator limits must be >= 0 (0 = unlimited)");
        }
        Objects.requireNonNull(clock, "clock");
        modelsWithoutJsonSchema =
                Set.copyOf(Objects.requireNonNull(modelsWithoutJsonSchema, "modelsWithoutJsonSchema"));
        Objects.requireNonNull(batchTiming, "batchTiming");
    }

    /**
     * Groq dialect, two simulated models, any key, no latency, no limits, system clock, ephemeral port, batches
     * finished at their first poll.
     */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(
                0,
                Dialect.GROQ,
                List.of("legal-sim-large", "legal-sim-small"),
                null,
                Duration.ZERO,
                0,
                0,
                Clock.systemUTC(),
                Set.of(),
                BatchTiming.INSTANT);
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(
                newPort,
                dialect,
                models,
                apiKey,
                latency,
                requestsPerMinute,
                tokensPerMinute,
                clock,
                modelsWithoutJsonSchema,
                batchTiming);
    }

    public SimulatorConfig withDialect(Dialect newDialect) {
        return new SimulatorConfig(
                port,
                newDialect,
                models,
                apiKey,
                latency,
                requestsPerMinute,
                tokensPerMinute,
                clock,
                modelsWithoutJsonSchema,
                batchTiming);
    }

    public SimulatorConfig withModels(List<String> newModels) {
        return new SimulatorConfig(
                port,
                dialect,
                newModels,
                apiKey,
                latency,
                requestsPerMinute,
                tokensPerMinute,
                clock,
                modelsWithoutJsonSchema,
                batchTiming);
    }

    public SimulatorConfig withModels(String... newModels) {
        return withModels(List.of(newModels));
    }

    public SimulatorConfig withApiKey(String newApiKey) {
        return new SimulatorConfig(
                port,
                dialect,
                models,
                newApiKey,
                latency,
                requestsPerMinute,
                tokensPerMinute,
                clock,
                modelsWithoutJsonSchema,
                batchTiming);
    }

    public SimulatorConfig withLatency(Duration newLatency) {
        return new SimulatorConfig(
                port,
                dialect,
                models,
                apiKey,
                newLatency,
                requestsPerMinute,
                tokensPerMinute,
                clock,
                modelsWithoutJsonSchema,
                batchTiming);
    }

    public SimulatorConfig withLimits(int newRequestsPerMinute, int newTokensPerMinute) {
        return new SimulatorConfig(
                port,
                dialect,
                models,
                apiKey,
                latency,
                newRequestsPerMinute,
                newTokensPerMinute,
                clock,
                modelsWithoutJsonSchema,
                batchTiming);
    }

    public SimulatorConfig withClock(Clock newClock) {
        return new SimulatorConfig(
                port,
                dialect,
                models,
                apiKey,
                latency,
                requestsPerMinute,
                tokensPerMinute,
                newClock,
                modelsWithoutJsonSchema,
                batchTiming);
    }

    /** These models refuse {@code json_schema} with the dialect's 400 ({@code param: response_format}). */
    public SimulatorConfig withoutJsonSchema(String... refusing) {
        return new SimulatorConfig(
                port,
                dialect,
                models,
                apiKey,
                latency,
                requestsPerMinute,
                tokensPerMinute,
                clock,
                Set.of(refusing),
                batchTiming);
    }

    /** How long batches take in each state (the Batch API's {@code validating} ... {@code cancelled}). */
    public SimulatorConfig withBatchTiming(BatchTiming newBatchTiming) {
        return new SimulatorConfig(
                port,
                dialect,
                models,
                apiKey,
                latency,
                requestsPerMinute,
                tokensPerMinute,
                clock,
                modelsWithoutJsonSchema,
                newBatchTiming);
    }

    /** Records print every component; the key must not reach logs. */
    @Override
    public String toString() {
        return "SimulatorConfig[port=" + port + ", dialect=" + dialect + ", models=" + models
                + ", apiKey=" + (apiKey == null ? "<any>" : "<redacted>") + ", latency=" + latency
                + ", requestsPerMinute=" + requestsPerMinute + ", tokensPerMinute=" + tokensPerMinute
                + ", clock=" + clock + ", modelsWithoutJsonSchema=" + modelsWithoutJsonSchema + ", batchTiming="
                + batchTiming + "]";
    }
}
