package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.legalgen.simulator.Dialect;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.SeenRequest;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.Parallel;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain over real HTTP against two simulators: each failure category's action, seen from the chain's events and the
 * servers' logs.
 */
class ProviderChainIntegrationTests {

    private static final Route ALPHA_LARGE = new Route("alpha", "alpha-large");
    private static final Route ALPHA_SMALL = new Route("alpha", "alpha-small");
    /** Long enough that a busy machine never times out a normal answer: a timeout retried is an extra request. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** For the test of timeouts: shorter than its delayed answers. */
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Simulator alpha;
    private static Simulator beta;

    private final List<ChainEvent> events = new CopyOnWriteArrayList<>();
    private final ChainPolicy priority = new ChainPolicy(
            2,
            Duration.ofMillis(1),
            Duration.ofMillis(10),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            new RouteCircuitBreakers.Settings(3, Duration.ofSeconds(30)),
            Routing.PRIORITY,
            Duration.ZERO);

    @BeforeAll
    static void startSimulators() {
        alpha = Simulator.start(SimulatorConfig.defaults()
                .withModels("alpha-large", "alpha-small")
                .withApiKey("alpha-key")
                .withDialect(Dialect.GROQ));
        beta = Simulator.start(SimulatorConfig.defaults()
                .withModels("beta-large")
                .withApiKey("beta-key")
                .withDialect(Dialect.CEREBRAS));
    }

    @AfterAll
    static void stopSimulators() {
        alpha.close();
        beta.close();
    }

    @BeforeEach
    void resetSimulators() {
        alpha.reset();
        beta.reset();
    }

    @Test
    void rejectedKeyTakesTheProviderOutAtOnceAndTheNextProviderServes() {
        // given: alpha refuses the key
        alpha.faults().forAllModels().always(new Fault.Status(401, null));
        ProviderChain chain = chain(priority);

        // when: two items
        generate(chain);
        generate(chain);

        // then: alpha is asked once and taken out, beta serves both
        assertThat(alpha.requestCount()).as("no retries against a rejected key").isEqualTo(1);
        assertThat(beta.requestCount("beta-large")).isEqualTo(2);
        assertThat(chain.state().providersOut()).containsOnlyKeys("alpha");
        assertThat(recorded(ChainEvent.Type.PROVIDER_OUT)).containsExactly(ALPHA_LARGE + " authentication");
    }

    @ParameterizedTest
    @ValueSource(ints = {402, 403})
    void exhaustedOrRestrictedAccountTakesTheProviderOut(int status) {
        // given: alpha's account is out of credit or restricted
        alpha.faults().forAllModels().always(new Fault.Status(status, null));
        ProviderChain chain = chain(priority);

        // when
        generate(chain);

        // then
        assertThat(alpha.requestCount()).isEqualTo(1);
        assertThat(beta.requestCount()).isEqualTo(1);
        assertThat(recorded(ChainEvent.Type.PROVIDER_OUT)).containsExactly(ALPHA_LARGE + " quota");
    }

    @ParameterizedTest
    @CsvSource({"404,", "400,model_decommissioned", "498,", "503,"})
    void unavailableModelMovesToTheProvidersNextModelAtOnceForTheRun(int status, String code) {
        // given: alpha's first model is gone
        alpha.faults().forModel("alpha-large").always(new Fault.Status(status, code));
        ProviderChain chain = chain(priority);

        // when: two items
        generate(chain);
        generate(chain);

        // then: alpha's next model serves both
        assertThat(alpha.requestCount("alpha-large"))
                .as("no retry of a gone model")
                .isEqualTo(1);
        assertThat(alpha.requestCount("alpha-small")).isEqualTo(2);
        assertThat(beta.requestCount()).isZero();
        assertThat(chain.state().failedModels()).isEqualTo(Map.of("alpha", List.of("alpha-large")));
        assertThat(recorded(ChainEvent.Type.MODEL_FAILED)).containsExactly(ALPHA_LARGE + " model_unavailable");
    }

    @Test
    void shortRateLimitIsWaitedOutOnTheSameRoute() {
        // given: one 429 saying to retry in 1 s
        alpha.faults().forModel("alpha-large").next(new Fault.Status(429, "rpm", Duration.ofSeconds(1)));
        ProviderChain chain = chain(priority);

        // when
        generate(chain);

        // then: the same route answers when asked again, at least 1 s later
        List<SeenRequest> seen = alpha.requests();
        assertThat(seen).extracting(SeenRequest::model).containsExactly("alpha-large", "alpha-large");
        assertThat(seen).extracting(SeenRequest::status).containsExactly(429, 200);
        assertThat(Duration.between(seen.get(0).time(), seen.get(1).time()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(beta.requestCount()).isZero();
        assertThat(recorded(ChainEvent.Type.FAILURE)).containsExactly(ALPHA_LARGE + " rate_limit");
    }

    @Test
    void longRateLimitMovesToTheOtherProvider() {
        // given: one 429 saying to retry in 30 s
        alpha.faults().forModel("alpha-large").next(new Fault.Status(429, "rpd", Duration.ofSeconds(30)));
        ProviderChain chain = chain(priority);
        Instant started = Instant.now();

        // when: two items
        generate(chain);
        generate(chain);

        // then: beta serves both, without a wait
        assertThat(alpha.requestCount())
                .as("the whole provider waits out its reset")
                .isEqualTo(1);
        assertThat(beta.requestCount("beta-large")).isEqualTo(2);
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(2));
        assertThat(recorded(ChainEvent.Type.FAILURE)).containsExactly(ALPHA_LARGE + " rate_limit");
    }

    @Test
    void rateLimitedRouteNeverSeesMoreThanOneRequestPerRetryAfterWindow() throws Exception {
        // given: alpha answers every request with a 429 saying to retry in 1 s
        alpha.faults().forAllModels().always(new Fault.Status(429, "rpm", Duration.ofSeconds(1)));
        ProviderChain chain = chain(priority);

        // when: four items at once
        List<String> answers = Parallel.run(4, 4, () -> generate(chain));

        // then: beta serves them; after the first wave, alpha sees at most one request per second
        assertThat(answers).hasSize(4);
        assertThat(beta.requestCount()).isEqualTo(4);
        List<Instant> times =
                alpha.requests().stream().map(SeenRequest::time).sorted().toList();
        Instant lastOfFirstWave = times.stream()
                .filter(t -> t.isBefore(times.get(0).plusMillis(500)))
                .reduce((a, b) -> b)
                .orElseThrow();
        List<Instant> later =
                times.stream().filter(t -> t.isAfter(lastOfFirstWave)).toList();
        Instant previous = lastOfFirstWave;
        for (Instant time : later) {
            assertThat(Duration.between(previous, time))
                    .as("after a 429, one probe per retry-after window")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            previous = time;
        }
        assertThat(later).as("waited and probed again before moving on").isNotEmpty();
    }

    @Test
    void timeoutsAreRetriedWithBackoffThenTheNextRouteServes() {
        // given: alpha's first model answers the next three requests later than the client waits
        alpha.faults().forModel("alpha-large").next(3, new Fault.Delay(Duration.ofSeconds(1)));
        ProviderChain chain = chain(priority, "alpha-key", "beta-key", 0, 0, SHORT_READ_TIMEOUT);

        // when
        generate(chain);

        // then
        assertTransientFailuresSwitchedTheRoute(chain, "timeout");
    }

    @Test
    void droppedConnectionsAreRetriedWithBackoffThenTheNextRouteServes() {
        // given: alpha's first model drops the next three connections
        alpha.faults().forModel("alpha-large").next(3, new Fault.Drop());
        ProviderChain chain = chain(priority);

        // when
        generate(chain);

        // then
        assertTransientFailuresSwitchedTheRoute(chain, "connection_error");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502})
    void serverErrorsAreRetriedWithBackoffThenTheNextRouteServes(int status) {
        // given: alpha's first model fails the next three requests
        alpha.faults().forModel("alpha-large").next(3, new Fault.Status(status, null));
        ProviderChain chain = chain(priority);

        // when
        generate(chain);

        // then
        assertTransientFailuresSwitchedTheRoute(chain, "server_error");
    }

    @Test
    void threeConsecutiveGeneralFailuresSwitchTheRoute() {
        // given: alpha's first model answers the next three requests with a 499
        alpha.faults().forModel("alpha-large").next(3, new Fault.Status(499, null)); // Groq: cancelled, nobody's fault
        ProviderChain chain = chain(priority);

        // when
        generate(chain);

        // then
        assertTransientFailuresSwitchedTheRoute(chain, "general");
    }

    @Test
    void tooLargeRequestGivesUpTheItemWithoutTryingAnotherRoute() {
        // given
        alpha.faults().forModel("alpha-large").always(new Fault.Status(413, null));
        ProviderChain chain = chain(priority);

        // when
        ProviderCallException failure = catchThrowableOfType(ProviderCallException.class, () -> generate(chain));

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.REQUEST_TOO_LARGE);
        assertThat(failure.noRouteLeft()).isFalse();
        assertThat(alpha.requestCount()).isEqualTo(1);
        assertThat(beta.requestCount()).isZero();
        assertThat(recorded(ChainEvent.Type.FAILURE)).containsExactly(ALPHA_LARGE + " request_too_large");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 422})
    void badRequestGivesUpTheItemWithoutTryingAnotherRoute(int status) {
        // given
        alpha.faults().forModel("alpha-large").always(new Fault.Status(status, null));
        ProviderChain chain = chain(priority);

        // when
        ProviderCallException failure = catchThrowableOfType(ProviderCallException.class, () -> generate(chain));

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.BAD_REQUEST);
        assertThat(failure.noRouteLeft()).isFalse();
        assertThat(alpha.requestCount()).isEqualTo(1);
        assertThat(beta.requestCount()).isZero();
        assertThat(recorded(ChainEvent.Type.FAILURE)).containsExactly(ALPHA_LARGE + " bad_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"malformed", "missing"})
    void unusableContentIsReaskedOnceThenTheItemIsGivenUp(String kind) {
        // given: alpha's first model always answers with content the caller cannot use
        Fault fault = kind.equals("malformed") ? new Fault.MalformedJson() : new Fault.MissingFields();
        alpha.faults().forModel("alpha-large").always(fault);
        ProviderChain chain = chain(priority);

        // when
        ProviderCallException failure = catchThrowableOfType(ProviderCallException.class, () -> generate(chain));

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.INVALID_OUTPUT);
        assertThat(failure.noRouteLeft()).isFalse();
        assertThat(alpha.requestCount("alpha-large"))
                .as("asked, then re-asked once")
                .isEqualTo(2);
        assertThat(alpha.requestCount("alpha-small") + beta.requestCount()).isZero();
        assertThat(recorded(ChainEvent.Type.RETRY)).containsExactly(ALPHA_LARGE + " invalid_output");
    }

    @Test
    void unusableContentOnceIsReaskedAndTheSecondAnswerKept() {
        // given: one malformed answer
        alpha.faults().forModel("alpha-large").next(new Fault.MalformedJson());
        ProviderChain chain = chain(priority);

        // when
        String content = generate(chain);

        // then
        assertThat(content).contains("case_citation");
        assertThat(alpha.requestCount("alpha-large")).isEqualTo(2);
    }

    @Test
    void wrongKeysOnEveryProviderFailFastAsSystemicNamingEachProvider() {
        // given: a wrong key for each provider
        ProviderChain chain = chain(priority, "wrong-alpha-key", "wrong-beta-key", 0, 0);
        Instant started = Instant.now();

        // when
        ProviderCallException failure = catchThrowableOfType(ProviderCallException.class, () -> generate(chain));

        // then: within a second, one request each, and a message naming both routes but neither key
        assertThat(failure.noRouteLeft()).isTrue();
        assertThat(failure.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(failure.getMessage())
                .contains("alpha:alpha-large, alpha:alpha-small authentication", "beta:beta-large authentication")
                .doesNotContain("wrong-alpha-key", "wrong-beta-key");
        assertThat(alpha.requestCount()).isEqualTo(1);
        assertThat(beta.requestCount()).isEqualTo(1);
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void weightedRoutingSpreadsCallsOverHealthyProvidersByWeight() throws Exception {
        // given: weighted routing, alpha with a quarter of the weight
        ProviderChain chain = chain(priority.withRouting(Routing.WEIGHTED), "alpha-key", "beta-key", 1, 3);

        // when: 1000 items, 8 at a time
        Parallel.run(8, 1000, () -> generate(chain));

        // then
        double alphaShare = alpha.requestCount() / 1000.0;
        assertThat(alpha.requestCount() + beta.requestCount()).isEqualTo(1000);
        assertThat(alphaShare)
                .as("a quarter of the weight; 1000 calls keep 20-30%% beyond 3.6 standard deviations")
                .isBetween(0.20, 0.30);
    }

    @Test
    void priorityRoutingSendsEverythingToTheFirstProvider() throws Exception {
        // given: priority routing, though beta has more weight
        ProviderChain chain = chain(priority, "alpha-key", "beta-key", 1, 3);

        // when: 100 items, 8 at a time
        Parallel.run(8, 100, () -> generate(chain));

        // then
        assertThat(alpha.requestCount("alpha-large")).isEqualTo(100);
        assertThat(beta.requestCount()).isZero();
    }

    private void assertTransientFailuresSwitchedTheRoute(ProviderChain chain, String category) {
        assertThat(alpha.requestCount("alpha-large"))
                .as("first try and two retries")
                .isEqualTo(3);
        assertThat(alpha.requestCount("alpha-small")).isEqualTo(1);
        assertThat(beta.requestCount()).isZero();
        assertThat(chain.state().current()).isEqualTo(ALPHA_SMALL);
        assertThat(recorded(ChainEvent.Type.FAILURE))
                .containsExactly(
                        ALPHA_LARGE + " " + category, ALPHA_LARGE + " " + category, ALPHA_LARGE + " " + category);
        assertThat(recorded(ChainEvent.Type.RETRY))
                .containsExactly(ALPHA_LARGE + " " + category, ALPHA_LARGE + " " + category);
    }

    private List<String> recorded(ChainEvent.Type type) {
        return events.stream()
                .filter(event -> event.type() == type)
                .map(event -> event.route() + " " + event.category().label())
                .toList();
    }

    private static String generate(ProviderChain chain) {
        return chain.generate(
                "You write legal Q&A samples as JSON.",
                "Practice area: Contract Law. Topic: consideration.",
                VALID_SAMPLE);
    }

    /** The caller's validation: JSON carrying a reasoning and a case citation. */
    private static final Function<Completion, String> VALID_SAMPLE = completion -> {
        JsonNode sample;
        try {
            sample = JSON.readTree(completion.content());
        } catch (JacksonException notJson) {
            throw new InvalidOutputException("content is not JSON", notJson);
        }
        if (!sample.has("reasoning") || !sample.has("case_citation")) {
            throw new InvalidOutputException("sample lacks reasoning or case_citation");
        }
        return completion.content();
    };

    private ProviderChain chain(ChainPolicy settings) {
        return chain(settings, "alpha-key", "beta-key", 0, 0);
    }

    private ProviderChain chain(
            ChainPolicy settings, String alphaKey, String betaKey, int alphaWeight, int betaWeight) {
        return chain(settings, alphaKey, betaKey, alphaWeight, betaWeight, READ_TIMEOUT);
    }

    private ProviderChain chain(
            ChainPolicy settings,
            String alphaKey,
            String betaKey,
            int alphaWeight,
            int betaWeight,
            Duration readTimeout) {
        Map<String, ProviderSettings> providers = new LinkedHashMap<>();
        providers.put("alpha", provider(alpha, alphaKey, alphaWeight, readTimeout, "alpha-large", "alpha-small"));
        providers.put("beta", provider(beta, betaKey, betaWeight, readTimeout, "beta-large"));
        return ProviderChain.create(
                new ProvidersProperties(providers), "alpha,beta", settings, Clock.systemUTC(), events::add);
    }

    private static ProviderSettings provider(
            Simulator simulator, String key, int weight, Duration readTimeout, String... models) {
        return new ProviderSettings(
                URI.create(simulator.baseUrl()),
                ApiKey.of(key),
                List.of(models),
                0,
                0,
                0,
                0,
                readTimeout,
                Duration.ofSeconds(1),
                0,
                weight == 0 ? null : weight,
                Map.of(),
                null,
                null);
    }
}
