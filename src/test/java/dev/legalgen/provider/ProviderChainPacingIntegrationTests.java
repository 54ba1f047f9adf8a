package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.simulator.Dialect;
import dev.legalgen.simulator.SeenRequest;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.Parallel;
import dev.legalgen.testsupport.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Forty callers against two rate-limited simulators over real HTTP, on a clock running 20 times faster
 * than real time on both sides (a simulated minute lasts 3 s): calls spread by the providers' limits and
 * the simulators' own minute windows are never exceeded.
 */
class ProviderChainPacingIntegrationTests {

    private static final long SPEED = 20;
    private static final int CALLS = 360; // two minutes' worth of both limits: the second minute needs pacing

    @Test
    void fortyCallersSpreadOverTwoProvidersByTheirLimitsAndStayWithinThem() throws Exception {
        TestClock clock = TestClock.fast(SPEED);
        try (Simulator alpha = Simulator.start(SimulatorConfig.defaults()
                        .withModels("alpha-large", "alpha-small")
                        .withApiKey("alpha-key")
                        .withDialect(Dialect.GROQ)
                        .withLimits(60, 0)
                        .withClock(clock));
                Simulator beta = Simulator.start(SimulatorConfig.defaults()
                        .withModels("beta-large")
                        .withApiKey("beta-key")
                        .withDialect(Dialect.CEREBRAS)
                        .withLimits(120, 0)
                        .withClock(clock))) {
            Map<String, ProviderSettings> providers = new LinkedHashMap<>();
            providers.put("alpha", provider(alpha, "alpha-key", 60, "alpha-large", "alpha-small"));
            providers.put("beta", provider(beta, "beta-key", 120, "beta-large"));
            ChainPolicy settings = new ChainPolicy(
                    2,
                    Duration.ofMillis(1),
                    Duration.ofMillis(10),
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(5),
                    RouteCircuitBreakers.Settings.DEFAULT,
                    Routing.WEIGHTED,
                    Duration.ZERO);
            ProviderChain chain = ProviderChain.create(
                    new ProvidersProperties(providers), "alpha,beta", settings, clock, clock, ChainEventListener.NONE);

            List<String> answers = Parallel.run(40, CALLS, () -> chain.generate("system", "user", Completion::content));

            assertThat(answers).hasSize(CALLS);
            int alphaServed = served(alpha);
            int betaServed = served(beta);
            assertThat(alphaServed + betaServed).isEqualTo(CALLS);
            assertThat(alphaServed / (double) CALLS)
                    .as("alpha has a third of the capacity")
                    .isBetween(0.28, 0.39);
            int refused = refused(alpha) + refused(beta);
            assertThat(refused)
                    .as("429s among %d requests", alpha.requestCount() + beta.requestCount())
                    .isLessThanOrEqualTo((alpha.requestCount() + beta.requestCount()) / 100);
            assertThat(perMinute(alpha).values())
                    .allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(60));
            assertThat(perMinute(beta).values())
                    .allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(120));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void callersBoundByTokensPerMinuteStayWithinTheProvidersTokenBucket(Dialect dialect) throws Exception {
        // given a provider allowing 6000 tokens a minute, requests unlimited; each call reserves ~1026 and uses ~300
        TestClock clock = TestClock.fast(SPEED);
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults()
                .withModels("gamma-large")
                .withApiKey("gamma-key")
                .withDialect(dialect)
                .withLimits(0, 6000)
                .withClock(clock))) {
            ProviderSettings gamma = new ProviderSettings(
                    URI.create(simulator.baseUrl()),
                    ApiKey.of("gamma-key"),
                    List.of("gamma-large"),
                    0,
                    6000,
                    0,
                    0,
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(20),
                    0,
                    null,
                    Map.of(),
                    null,
                    null);
            ChainPolicy settings = new ChainPolicy(
                    2,
                    Duration.ofMillis(1),
                    Duration.ofMillis(10),
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(5),
                    RouteCircuitBreakers.Settings.DEFAULT);
            ProviderChain chain = ProviderChain.create(
                    new ProvidersProperties(Map.of("gamma", gamma)),
                    "gamma",
                    settings,
                    clock,
                    clock,
                    ChainEventListener.NONE);
            Instant start = clock.instant();

            // when forty callers make 60 calls, about three minutes of the bucket
            List<String> answers = Parallel.run(40, 60, () -> chain.generate("system", "user", Completion::content));

            // then all are answered, next to no 429s, and never more than the bucket gave
            assertThat(answers).hasSize(60);
            assertThat(refused(simulator))
                    .as("429s among %d requests", simulator.requestCount())
                    .isLessThanOrEqualTo(simulator.requestCount() / 100);
            double minutes = Duration.between(start, clock.instant()).toMillis() / 60_000.0;
            assertThat(simulator.tokensCounted()).isLessThanOrEqualTo((long) (6000 + 6000 * minutes));
        }
    }

    private static int served(Simulator simulator) {
        return (int) simulator.requests().stream()
                .filter(seen -> seen.status() == 200)
                .count();
    }

    private static int refused(Simulator simulator) {
        return (int) simulator.requests().stream()
                .filter(seen -> seen.status() == 429)
                .count();
    }

    /** Requests per simulated clock minute, the simulators' own windows. */
    private static Map<Long, Integer> perMinute(Simulator simulator) {
        Map<Long, Integer> counts = new TreeMap<>();
        for (SeenRequest seen : simulator.requests()) {
            counts.merge(seen.time().getEpochSecond() / 60, 1, Integer::sum);
        }
        return counts;
    }

    private static ProviderSettings provider(Simulator simulator, String key, int requestsPerMinute, String... models) {
        return new ProviderSettings(
                URI.create(simulator.baseUrl()),
                ApiKey.of(key),
                List.of(models),
                requestsPerMinute,
                0,
                0,
                0,
                Duration.ofSeconds(20),
                Duration.ofSeconds(20),
                0,
                null,
                Map.of(),
                null,
                null);
    }
}
