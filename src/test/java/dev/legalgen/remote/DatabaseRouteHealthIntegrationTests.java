package dev.legalgen.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.provider.ApiKey;
import dev.legalgen.provider.ChainPolicy;
import dev.legalgen.provider.Completion;
import dev.legalgen.provider.ProviderChain;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.provider.ProvidersProperties;
import dev.legalgen.provider.Route;
import dev.legalgen.provider.RouteCircuitBreakers;
import dev.legalgen.provider.Routing;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Route health shared through the real database (V16's route_outage): two chains of one execution stand for two
 * processes of a run, each with its own breakers and outages, calling a simulator over real HTTP; what one finds out
 * the other acts on without a call.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:shared-route-health;DB_CLOSE_DELAY=-1")
class DatabaseRouteHealthIntegrationTests {

    private static final long EXECUTION = 42;
    private static final String LARGE = "legal-sim-large";
    private static final String SMALL = "legal-sim-small";
    private static final ChainPolicy POLICY = new ChainPolicy(
            2,
            Duration.ofMillis(1),
            Duration.ofMillis(10),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            new RouteCircuitBreakers.Settings(3, Duration.ofSeconds(30)),
            Routing.PRIORITY,
            Duration.ZERO);

    private static Simulator provider;

    @Autowired
    JdbcTemplate jdbc;

    private DatabaseRouteHealth first;
    private DatabaseRouteHealth second;

    @BeforeAll
    static void startSimulator() {
        provider = Simulator.start(SimulatorConfig.defaults().withApiKey("sim-key"));
    }

    @AfterAll
    static void stopSimulator() {
        provider.close();
    }

    @BeforeEach
    void twoProcesses() {
        provider.reset();
        jdbc.update("DELETE FROM route_outage");
        first = new DatabaseRouteHealth(jdbc, new WorkerIdentity("host-a:101"), Duration.ofSeconds(30), Duration.ZERO);
        second = new DatabaseRouteHealth(jdbc, new WorkerIdentity("host-b:202"), Duration.ofSeconds(30), Duration.ZERO);
    }

    @Test
    void aBreakerOneProcessOpenedIsOpenInTheOtherWhenItsChainIsMade() {
        // given the large model failing: the first process's breaker of it opens
        provider.faults().forModel(LARGE).always(new Fault.Status(500, null, null));
        ProviderChain inFirst = chain();
        first.joined(EXECUTION, inFirst);
        generate(inFirst);
        assertThat(inFirst.breakerStates()).containsEntry(new Route("sim", LARGE), RouteCircuitBreakers.State.OPEN);
        long largeCalls = callsTo(LARGE);

        // when the second process's chain of the run is made and asked for a sample
        ProviderChain inSecond = chain();
        second.joined(EXECUTION, inSecond);
        generate(inSecond);

        // then its breaker of the large model is open too: it asked the small one without trying the large
        assertThat(inSecond.breakerStates()).containsEntry(new Route("sim", LARGE), RouteCircuitBreakers.State.OPEN);
        assertThat(callsTo(LARGE)).isEqualTo(largeCalls);
        assertThat(callsTo(SMALL)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT worker FROM route_outage WHERE kind = 'breaker_open'", String.class))
                .isEqualTo("host-a:101");
    }

    @Test
    void aModelOneProcessFoundGoneIsOutInTheOthersChainAtItsNextLook() {
        // given both processes' chains running; the large model is gone
        ProviderChain inFirst = chain();
        ProviderChain inSecond = chain();
        first.joined(EXECUTION, inFirst);
        second.joined(EXECUTION, inSecond);
        provider.faults().forModel(LARGE).always(new Fault.Status(404, "model_not_found", null));

        // when the first finds it out, and the second looks (as it does every poll-interval)
        generate(inFirst);
        second.learnAll();
        generate(inSecond);

        // then the second never asked the large model, and says why it is out
        assertThat(callsTo(LARGE)).isEqualTo(1);
        assertThat(inSecond.state().failedModels()).isEqualTo(Map.of("sim", List.of(LARGE)));
        // and a chain of another execution is not concerned
        ProviderChain otherRun = chain();
        second.joined(EXECUTION + 1, otherRun);
        assertThat(otherRun.state().failedModels()).isEmpty();
    }

    @Test
    void aProviderOutIsSharedOnceAndNotToldBackByTheProcessesThatLearntIt() {
        provider.faults().forAllModels().always(new Fault.Status(401, null, null));
        ProviderChain inFirst = chain();
        first.joined(EXECUTION, inFirst);
        try {
            generate(inFirst);
        } catch (RuntimeException noRouteLeft) {
            // the one provider refused the key: nothing left to serve
        }

        ProviderChain inSecond = chain();
        second.joined(EXECUTION, inSecond);

        assertThat(inSecond.state().providersOut()).containsOnlyKeys("sim");
        assertThat(jdbc.queryForList("SELECT worker FROM route_outage", String.class))
                .containsExactly("host-a:101");
        assertThat(provider.requests()).hasSize(1);
    }

    private long callsTo(String model) {
        return provider.requests().stream()
                .filter(request -> request.model().equals(model))
                .count();
    }

    private static void generate(ProviderChain chain) {
        chain.generate("system", "user", Completion::content);
    }

    private static ProviderChain chain() {
        ProviderSettings sim = new ProviderSettings(
                URI.create(provider.baseUrl()),
                ApiKey.of("sim-key"),
                List.of(LARGE, SMALL),
                0,
                0,
                0,
                0,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                0,
                null,
                Map.of(),
                null,
                null);
        return ProviderChain.create(
                new ProvidersProperties(Map.of("sim", sim)), "sim", POLICY, Clock.systemUTC(), event -> {});
    }
}
