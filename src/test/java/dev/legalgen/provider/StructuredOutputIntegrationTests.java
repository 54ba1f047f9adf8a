package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.legalgen.simulator.Dialect;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.SeenRequest;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.Parallel;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Structured output per model over real HTTP against the simulator: what each request asked for, read from the
 * simulator's log; the switch of a route that refuses json_schema; the re-ask of a cut-off answer.
 */
class StructuredOutputIntegrationTests {

    private static final String MODEL = "legal-sim-large";
    private static final Route ROUTE = new Route("sim", MODEL);
    private static final ChainPolicy POLICY = new ChainPolicy(
            2,
            Duration.ofMillis(1),
            Duration.ofMillis(10),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            new RouteCircuitBreakers.Settings(3, Duration.ofSeconds(30)),
            Routing.PRIORITY,
            Duration.ZERO);
    /** Any content that parses as the sample: the parser's own checks are not what is tested here. */
    private static final Function<Completion, String> ANY_SAMPLE = Completion::content;

    /** Groq's current models, qwen refusing json_schema as Groq's does; Cerebras' two. */
    private static Simulator groq;

    private static Simulator cerebras;

    private final List<ChainEvent> events = new CopyOnWriteArrayList<>();
    private Simulator simulator;

    @BeforeAll
    static void startProviders() {
        groq = Simulator.start(SimulatorConfig.defaults()
                .withModels("openai/gpt-oss-120b", "openai/gpt-oss-20b", "qwen/qwen3.6-27b")
                .withoutJsonSchema("qwen/qwen3.6-27b"));
        cerebras = Simulator.start(
                SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS).withModels("gpt-oss-120b", "qwen-3.8-27b"));
    }

    @AfterAll
    static void stopProviders() {
        groq.close();
        cerebras.close();
    }

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void theShippedOptionsSendJsonSchemaToTheModelsConfiguredForItAndJsonObjectToTheOthers() throws IOException {
        // given: application.yml's providers, pointed at the simulators
        groq.reset();
        cerebras.reset();
        ProvidersProperties shipped = shippedProviders();

        // when: one item on each model
        for (String route : List.of(
                "groq:openai/gpt-oss-120b",
                "groq:openai/gpt-oss-20b",
                "groq:qwen/qwen3.6-27b",
                "cerebras:gpt-oss-120b",
                "cerebras:qwen-3.8-27b")) {
            generate(ProviderChain.create(shipped, route, POLICY, Clock.systemUTC(), events::add));
        }

        // then: json_schema and low effort for gpt-oss, json_object for Groq's qwen, json_schema for Cerebras'
        assertThat(groq.requests())
                .extracting(
                        SeenRequest::model,
                        SeenRequest::status,
                        SeenRequest::responseFormat,
                        SeenRequest::maxCompletionTokens,
                        SeenRequest::reasoningEffort)
                .containsExactly(
                        tuple("openai/gpt-oss-120b", 200, "json_schema", 1024, "low"),
                        tuple("openai/gpt-oss-20b", 200, "json_schema", 1024, "low"),
                        tuple("qwen/qwen3.6-27b", 200, "json_object", 1024, null));
        assertThat(cerebras.requests())
                .extracting(
                        SeenRequest::model,
                        SeenRequest::status,
                        SeenRequest::responseFormat,
                        SeenRequest::maxCompletionTokens,
                        SeenRequest::reasoningEffort)
                .containsExactly(
                        tuple("gpt-oss-120b", 200, "json_schema", 1024, "low"),
                        tuple("qwen-3.8-27b", 200, "json_schema", 1024, null));
        assertThat(events).isEmpty();
    }

    @Test
    void theShippedPricesAndTheReasoningTokensGiveEachCallItsExactBill() throws IOException {
        // given: application.yml's providers, pointed at the simulators; gpt-oss is asked with low effort
        groq.reset();
        cerebras.reset();
        ProvidersProperties shipped = shippedProviders();
        List<Bill> bills = new CopyOnWriteArrayList<>();
        ChainEventListener billed = new ChainEventListener() {
            @Override
            public void onEvent(ChainEvent event) {}

            @Override
            public void onBilled(Route route, Bill bill) {
                bills.add(bill);
            }
        };

        // when
        Completion groqAnswer = ProviderChain.create(
                        shipped, "groq:openai/gpt-oss-120b", POLICY, Clock.systemUTC(), billed)
                .generate("You write legal Q&A samples as JSON.", "Practice area: Contract Law.", c -> c);
        Completion qwenAnswer = ProviderChain.create(
                        shipped, "groq:qwen/qwen3.6-27b", POLICY, Clock.systemUTC(), billed)
                .generate("You write legal Q&A samples as JSON.", "Practice area: Contract Law.", c -> c);
        Completion cerebrasAnswer = ProviderChain.create(
                        shipped, "cerebras:gpt-oss-120b", POLICY, Clock.systemUTC(), billed)
                .generate("You write legal Q&A samples as JSON.", "Practice area: Contract Law.", c -> c);

        // then: the simulator's usage, priced at 0.15/0.60 (Groq) and 0.35/0.75 (Cerebras) per million
        var groqUsage = groq.billed().get("openai/gpt-oss-120b");
        assertThat(groqAnswer.bill().tokens())
                .isEqualTo(new TokenUsage(groqUsage.prompt(), groqUsage.completion(), groqUsage.reasoning()));
        assertThat(groqAnswer.bill().tokens().reasoning())
                .as("low effort, in Groq's usage")
                .isEqualTo(16);
        assertThat(groqAnswer.bill().costUsd())
                .isEqualByComparingTo(new BigDecimal(groqUsage.prompt())
                        .multiply(new BigDecimal("0.15"))
                        .add(new BigDecimal(groqUsage.completion()).multiply(new BigDecimal("0.60")))
                        .movePointLeft(6));
        var cerebrasUsage = cerebras.billed().get("gpt-oss-120b");
        assertThat(cerebrasAnswer.bill().tokens().reasoning())
                .as("in Cerebras' usage")
                .isEqualTo(16);
        assertThat(cerebrasAnswer.bill().costUsd())
                .isEqualByComparingTo(new BigDecimal(cerebrasUsage.prompt())
                        .multiply(new BigDecimal("0.35"))
                        .add(new BigDecimal(cerebrasUsage.completion()).multiply(new BigDecimal("0.75")))
                        .movePointLeft(6));
        assertThat(qwenAnswer.bill().costUsd()).as("no price shipped for it").isNull();
        assertThat(qwenAnswer.bill().tokens().reasoning()).isZero();
        assertThat(bills).containsExactly(groqAnswer.bill(), qwenAnswer.bill(), cerebrasAnswer.bill());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "GROQ, json_schema refused (400 param response_format): json_object for the rest of the run",
        "CEREBRAS, json_schema refused (400 param response_format code wrong_api_format): json_object for the rest"
                + " of the run"
    })
    void aModelThatRefusesJsonSchemaAsksInJsonObjectForTheRestOfTheRun(Dialect dialect, String reason) {
        // given: a model configured for json_schema that answers it with the provider's 400
        simulator = Simulator.start(SimulatorConfig.defaults()
                .withDialect(dialect)
                .withModels(MODEL)
                .withoutJsonSchema(MODEL));
        ProviderChain run = chain(new ModelOptions(StructuredOutput.JSON_SCHEMA, null, null));

        // when: three items
        generate(run);
        generate(run);
        generate(run);

        // then: one refusal, asked again at once in json_object, and json_object from then on
        assertThat(simulator.requests())
                .extracting(SeenRequest::status, SeenRequest::responseFormat)
                .containsExactly(
                        tuple(400, "json_schema"),
                        tuple(200, "json_object"),
                        tuple(200, "json_object"),
                        tuple(200, "json_object"));
        assertThat(events)
                .filteredOn(event -> event.type() == ChainEvent.Type.STRUCTURED_OUTPUT_DOWNGRADED)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.route()).isEqualTo(ROUTE);
                    assertThat(event.category()).isEqualTo(ErrorCategory.STRUCTURED_OUTPUT_REFUSED);
                    assertThat(event.reason()).isEqualTo(reason);
                });
        assertThat(events).noneMatch(event -> event.type() == ChainEvent.Type.RETRY);
        assertThat(run.state().failedModels()).as("the model still serves").isEmpty();
    }

    @Test
    void callsInFlightSwitchTogetherAndTheSwitchIsTheRunsOnly() throws Exception {
        // given: a route that refuses json_schema, four items of a run at once
        simulator = Simulator.start(SimulatorConfig.defaults().withModels(MODEL).withoutJsonSchema(MODEL));
        ProviderChain run = chain(new ModelOptions(StructuredOutput.JSON_SCHEMA, null, null));

        // when
        List<String> answers = Parallel.run(4, 4, () -> generate(run));
        List<SeenRequest> seenInTheRun = simulator.requests();
        List<ChainEvent> eventsOfTheRun = List.copyOf(events);
        simulator.reset();
        generate(chain(new ModelOptions(StructuredOutput.JSON_SCHEMA, null, null)));

        // then: every item answered in json_object, the refusals (those sent before the first came back) were
        // json_schema, one event; the next run asks afresh
        assertThat(answers).hasSize(4);
        assertThat(seenInTheRun)
                .filteredOn(request -> request.status() == 200)
                .extracting(SeenRequest::responseFormat)
                .containsExactly("json_object", "json_object", "json_object", "json_object");
        assertThat(seenInTheRun)
                .filteredOn(request -> request.status() != 200)
                .isNotEmpty()
                .allMatch(request -> request.status() == 400 && "json_schema".equals(request.responseFormat()));
        assertThat(eventsOfTheRun)
                .filteredOn(event -> event.type() == ChainEvent.Type.STRUCTURED_OUTPUT_DOWNGRADED)
                .hasSize(1);
        assertThat(simulator.requests())
                .extracting(SeenRequest::status, SeenRequest::responseFormat)
                .containsExactly(tuple(400, "json_schema"), tuple(200, "json_object"));
    }

    @Test
    void aCutOffAnswerIsReaskedOnceWithTwiceTheBudgetAndOneStepLessReasoning() {
        // given: the model's answer takes 1,500 tokens; the route allows 1,024 with medium effort
        simulator = Simulator.start(SimulatorConfig.defaults().withModels(MODEL));
        simulator.faults().forModel(MODEL).always(Fault.truncatedBelow(1500));
        ProviderChain run = chain(new ModelOptions(StructuredOutput.JSON_SCHEMA, ReasoningEffort.MEDIUM, 1024));

        // when
        generate(run);

        // then: the simulator saw both requests, the second with the larger budget
        assertThat(simulator.requests())
                .extracting(SeenRequest::status, SeenRequest::maxCompletionTokens, SeenRequest::reasoningEffort)
                .containsExactly(tuple(200, 1024, "medium"), tuple(200, 2048, "low"));
        assertThat(events)
                .extracting(ChainEvent::type, ChainEvent::category, ChainEvent::reason)
                .contains(tuple(
                        ChainEvent.Type.RETRY,
                        ErrorCategory.TRUNCATED,
                        "re-asking once with max_completion_tokens 2048, reasoning_effort low"
                                + " (was max_completion_tokens 1024, reasoning_effort medium)"));
    }

    @Test
    void anAnswerCutOffAtTwiceTheBudgetTooIsGivenUpAsTruncated() {
        // given: the answer takes more than twice the budget
        simulator = Simulator.start(SimulatorConfig.defaults().withModels(MODEL));
        simulator.faults().forModel(MODEL).always(Fault.truncatedBelow(5000));
        ProviderChain run = chain(new ModelOptions(null, null, 1024));

        // when
        ProviderCallException failure = catchThrowableOfType(ProviderCallException.class, () -> generate(run));

        // then: two requests, not a third with the same budget; the item is given up, the route is not
        assertThat(simulator.requests())
                .extracting(SeenRequest::maxCompletionTokens)
                .containsExactly(1024, 2048);
        assertThat(failure.category()).isEqualTo(ErrorCategory.TRUNCATED);
        assertThat(failure.noRouteLeft()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"json_validate_failed_truncated, 2048", "json_validate_failed, 1024"})
    void groqsJsonValidateFailedIsReaskedWithALargerBudgetOnlyWhenItsGenerationWasCutOff(
            String variant, int secondBudget) {
        // given: Groq's JSON-mode 400 once, its failed_generation cut off or complete
        simulator = Simulator.start(SimulatorConfig.defaults().withModels(MODEL));
        simulator.faults().forModel(MODEL).next(Fault.status(400, variant));
        ProviderChain run = chain(new ModelOptions(StructuredOutput.JSON_OBJECT, null, 1024));

        // when
        generate(run);

        // then
        assertThat(simulator.requests())
                .extracting(SeenRequest::status, SeenRequest::maxCompletionTokens)
                .containsExactly(tuple(400, 1024), tuple(200, secondBudget));
    }

    private ProviderChain chain(ModelOptions options) {
        ProviderSettings settings = new ProviderSettings(
                URI.create(simulator.baseUrl()),
                ApiKey.of("sim-key"),
                List.of(MODEL),
                0,
                0,
                0,
                0,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                0,
                null,
                Map.of(MODEL, options),
                null,
                null);
        return ProviderChain.create(
                new ProvidersProperties(Map.of("sim", settings)), "sim", POLICY, Clock.systemUTC(), events::add);
    }

    private static String generate(ProviderChain chain) {
        return chain.generate(
                "You write legal Q&A samples as JSON.",
                "Practice area: Contract Law. Topic: consideration.",
                ANY_SAMPLE);
    }

    /** application.yml's {@code legalgen.providers}, at the simulators, with no pacing of their own. */
    private static ProvidersProperties shippedProviders() throws IOException {
        Map<String, Object> overrides = new HashMap<>();
        for (Map.Entry<String, Simulator> provider :
                Map.of("groq", groq, "cerebras", cerebras).entrySet()) {
            String prefix = "legalgen.providers." + provider.getKey() + ".";
            overrides.put(prefix + "base-url", provider.getValue().baseUrl());
            overrides.put(prefix + "api-key", "test-key");
            for (String limit :
                    List.of("requests-per-minute", "tokens-per-minute", "requests-per-day", "tokens-per-day")) {
                overrides.put(prefix + limit, "0");
            }
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", overrides));
        for (PropertySource<?> yaml :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(yaml);
        }
        return Binder.get(environment)
                .bind("legalgen", ProvidersProperties.class)
                .get();
    }
}
