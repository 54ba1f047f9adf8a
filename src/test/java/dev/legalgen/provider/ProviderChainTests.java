package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.legalgen.testsupport.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ProviderChainTests {

    private static final Route CEREBRAS_120B = new Route("cerebras", "gpt-oss-120b");
    private static final Route CEREBRAS_QWEN = new Route("cerebras", "qwen-3.8-27b");
    private static final Route GROQ_20B = new Route("groq", "openai/gpt-oss-20b");

    private final TestClock clock = TestClock.manual();
    private final Instant start = clock.instant();
    private final List<ChainEvent> events = new CopyOnWriteArrayList<>();
    private final ScriptedClient cerebras = new ScriptedClient("cerebras");
    private final ScriptedClient groq = new ScriptedClient("groq");
    private final ProviderChain chain = chain();

    @Test
    void transientFailuresRetryTheSameRouteWithBackoff() {
        // given: the first route fails twice, transiently
        cerebras.script("gpt-oss-120b", ErrorCategory.SERVER_ERROR, ErrorCategory.TIMEOUT);

        // when
        String content = generate();

        // then: the third try on the same route answers, after 500 ms and 1 s of backoff
        assertThat(content).isEqualTo("{\"ok\":true}");
        assertThat(cerebras.calls).containsExactly("gpt-oss-120b", "gpt-oss-120b", "gpt-oss-120b");
        assertThat(clock.instant()).isEqualTo(start.plusMillis(500 + 1000)); // jitter fixed at its maximum
        assertThat(types())
                .containsExactly(
                        ChainEvent.Type.FAILURE, ChainEvent.Type.RETRY, ChainEvent.Type.FAILURE, ChainEvent.Type.RETRY);
    }

    @Test
    void transientFailuresBeyondTheRetriesMoveToTheNextRouteAndCountAModelSwitch() {
        // given: a first item served by the first route, which then fails three times in a row
        generate();
        cerebras.script(
                "gpt-oss-120b",
                ErrorCategory.CONNECTION_ERROR,
                ErrorCategory.CONNECTION_ERROR,
                ErrorCategory.CONNECTION_ERROR);

        // when
        generate();

        // then: the provider's next model serves, the switch is counted, the first route's breaker moves
        assertThat(cerebras.calls)
                .containsExactly("gpt-oss-120b", "gpt-oss-120b", "gpt-oss-120b", "gpt-oss-120b", "qwen-3.8-27b");
        assertThat(chain.state().current()).isEqualTo(CEREBRAS_QWEN);
        assertThat(chain.state().modelSwitches()).isEqualTo(1);
        assertThat(events)
                .anyMatch(event -> event.type() == ChainEvent.Type.BREAKER_TRANSITION
                        && event.route().equals(CEREBRAS_120B)
                        && event.breakerState() == RouteCircuitBreakers.State.OPEN);
    }

    @Test
    void unavailableModelMovesToTheNextModelAtOnceForTheWholeRun() {
        // given: the first model is gone
        cerebras.script("gpt-oss-120b", ErrorCategory.MODEL_UNAVAILABLE);

        // when: two items
        generate();
        generate();

        // then: the next model serves both, without a wait, and the gone model is not asked again
        assertThat(cerebras.calls).containsExactly("gpt-oss-120b", "qwen-3.8-27b", "qwen-3.8-27b");
        assertThat(chain.state().failedModels()).isEqualTo(Map.of("cerebras", List.of("gpt-oss-120b")));
        assertThat(clock.instant()).isEqualTo(start);
    }

    @Test
    void rejectedKeyTakesTheProviderOutWithoutRetries() {
        // given: cerebras refuses the key
        cerebras.script("gpt-oss-120b", ErrorCategory.AUTHENTICATION);

        // when: two items
        generate();
        generate();

        // then: groq serves both, and cerebras is asked once
        assertThat(cerebras.calls).containsExactly("gpt-oss-120b");
        assertThat(groq.calls).containsExactly("openai/gpt-oss-20b", "openai/gpt-oss-20b");
        assertThat(chain.state().providersOut()).containsOnlyKeys("cerebras");
        assertThat(chain.state().current()).isEqualTo(GROQ_20B);
    }

    @Test
    void shortRateLimitIsWaitedOutOnTheSameRoute() {
        // given: one 429 on the first route
        cerebras.script("gpt-oss-120b", ErrorCategory.RATE_LIMIT); // retry-after 2s

        // when
        generate();

        // then: the same route, asked again 2 s later
        assertThat(cerebras.calls).containsExactly("gpt-oss-120b", "gpt-oss-120b");
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(2));
        assertThat(groq.calls).isEmpty();
    }

    @Test
    void longRateLimitMovesToAnotherProviderAndLaterItemsSkipTheBlockedOne() {
        // given: one 429 on the first route that says to retry in almost a day
        cerebras.script(
                "gpt-oss-120b", cerebras.failure("gpt-oss-120b", ErrorCategory.RATE_LIMIT, Duration.ofSeconds(86399)));

        // when: two items
        generate();
        generate();

        // then: groq serves both, without a wait
        assertThat(cerebras.calls).containsExactly("gpt-oss-120b");
        assertThat(groq.calls).hasSize(2);
        assertThat(clock.instant()).isEqualTo(start);
    }

    @Test
    void invalidOutputIsReaskedOnceThenGivenUpForTheItem() {
        // given: a validation that rejects the first answer only
        List<String> seen = new ArrayList<>();
        Function<Completion, String> rejectFirst = completion -> {
            seen.add(completion.content());
            if (seen.size() == 1) {
                throw new InvalidOutputException("no question field");
            }
            return completion.content();
        };

        // when/then: the item is re-asked and the second answer kept
        assertThat(chain.generate("s", "u", rejectFirst)).isEqualTo("{\"ok\":true}");

        // when: a validation that rejects every answer
        ProviderCallException failure = catchThrowableOfType(
                ProviderCallException.class,
                () -> chain.generate("s", "u", completion -> {
                    throw new InvalidOutputException("not JSON");
                }));

        // then: the item is given up after one re-ask, with routes still left for the next
        assertThat(failure.category()).isEqualTo(ErrorCategory.INVALID_OUTPUT);
        assertThat(failure.noRouteLeft()).isFalse();
        assertThat(cerebras.calls).hasSize(4);
    }

    @Test
    void anItemCutOffKeepsItsLargerBudgetOnTheRoutesItMovesTo() {
        // given: the first route is configured for json_schema with high effort; its answer is cut off, then the
        // route fails transiently until the item moves on
        RequestOptions strict = new RequestOptions(StructuredOutput.JSON_SCHEMA, 1000, ReasoningEffort.HIGH);
        cerebras.configure("gpt-oss-120b", strict)
                .script(
                        "gpt-oss-120b",
                        ErrorCategory.TRUNCATED,
                        ErrorCategory.SERVER_ERROR,
                        ErrorCategory.SERVER_ERROR,
                        ErrorCategory.SERVER_ERROR);

        // when
        generate();

        // then: one re-ask with twice the budget and less effort, and the next route asked with twice its own
        RequestOptions larger = new RequestOptions(StructuredOutput.JSON_SCHEMA, 2000, ReasoningEffort.MEDIUM);
        assertThat(cerebras.asked)
                .containsExactly(
                        strict, larger, larger, larger, new RequestOptions(StructuredOutput.JSON_OBJECT, 2048, null));
    }

    @Test
    void aRefusedFormatOfARequestThatSentNoSchemaGivesUpTheItemInsteadOfAskingAgain() {
        // given: a client that calls a json_object request's refusal a refused schema
        cerebras.script("gpt-oss-120b", ErrorCategory.STRUCTURED_OUTPUT_REFUSED);

        // when
        ProviderCallException failure = catchThrowableOfType(ProviderCallException.class, this::generate);

        // then: no format left to fall back to, and no event claiming a switch
        assertThat(failure.category()).isEqualTo(ErrorCategory.STRUCTURED_OUTPUT_REFUSED);
        assertThat(cerebras.calls).hasSize(1);
        assertThat(types()).doesNotContain(ChainEvent.Type.STRUCTURED_OUTPUT_DOWNGRADED);
    }

    @Test
    void badRequestGivesUpTheItemWithoutTryingOtherRoutes() {
        // given
        cerebras.script("gpt-oss-120b", ErrorCategory.BAD_REQUEST);

        // when
        ProviderCallException failure = catchThrowableOfType(ProviderCallException.class, this::generate);

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.BAD_REQUEST);
        assertThat(failure.noRouteLeft()).isFalse();
        assertThat(groq.calls).isEmpty();
    }

    @Test
    void noRouteLeftIsSystemicAndNamesEveryRoute() {
        // given: cerebras refuses the key, groq's account is out of quota
        cerebras.always("gpt-oss-120b", ErrorCategory.AUTHENTICATION);
        groq.always("openai/gpt-oss-20b", ErrorCategory.QUOTA);

        // when
        ProviderCallException failure = catchThrowableOfType(ProviderCallException.class, this::generate);

        // then: each route with the category and the message (which ends in its fix) of what took it out, routes
        // out for one reason together, and no blanket advice after them that would fit one cause and mislead another
        assertThat(failure.noRouteLeft()).isTrue();
        assertThat(failure.getMessage())
                .startsWith("no provider route left: cerebras:gpt-oss-120b, cerebras:qwen-3.8-27b authentication:"
                        + " cerebras gpt-oss-120b authentication; ")
                .endsWith("; groq:openai/gpt-oss-20b quota: groq openai/gpt-oss-20b quota");
        assertThat(chain.state().providersOut()).containsOnlyKeys("cerebras", "groq");
    }

    @Test
    void fortyConcurrentCallersAllGetAnAnswer() throws Exception {
        // given: a transient failure, then a gone model, on the first route
        cerebras.script("gpt-oss-120b", ErrorCategory.SERVER_ERROR, ErrorCategory.MODEL_UNAVAILABLE);

        // when/then: forty callers at once, each gets an answer
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tasks.add(this::generate);
            }
            for (Future<String> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo("{\"ok\":true}");
            }
        } finally {
            pool.shutdownNow();
        }

        // then: every answer is counted once
        assertThat(chain.state().samplesGenerated()).isEqualTo(40);
        assertThat(chain.state().totalTokens()).isEqualTo(40 * 30);
    }

    @Test
    void fixedDelayPausesBeforeEveryRequestLikeTheSeed() {
        // given: a fixed delay of 2.4 s, and one transient failure
        ProviderChain seedLike = new ProviderChain(
                List.of(CEREBRAS_120B, GROQ_20B),
                members(),
                ChainPolicy.DEFAULT.withRouting(Routing.PRIORITY).withFixedDelay(Duration.ofMillis(2400)),
                clock,
                clock,
                () -> 1.0,
                events::add);
        cerebras.script("gpt-oss-120b", ErrorCategory.SERVER_ERROR);

        // when
        seedLike.generate("system", "user", Completion::content);

        // then
        assertThat(cerebras.calls).hasSize(2);
        assertThat(clock.instant()).isEqualTo(start.plusMillis(2400 + 500 + 2400)); // delay, backoff, delay
    }

    @Test
    void chainSpecPinsTheStartModelAndNeverMixesProviders() {
        // when: the chain starts with a pinned groq model, then names cerebras alone
        ChainSpec spec = ChainSpec.parse("groq:openai/gpt-oss-20b,cerebras", providers());

        // then: groq's other model follows its pinned one, before any cerebras route
        assertThat(spec.routes())
                .containsExactly(GROQ_20B, new Route("groq", "openai/gpt-oss-120b"), CEREBRAS_120B, CEREBRAS_QWEN);
    }

    @Test
    void chainSpecErrorsNameTheEntryAndWhatIsKnown() {
        // when/then: an unknown provider, and a model its provider does not have
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ChainSpec.parse("openai", providers())))
                .hasMessage("chain entry 'openai' names no configured provider; known providers: cerebras, groq");
        assertThat(catchThrowableOfType(
                        IllegalArgumentException.class, () -> ChainSpec.parse("groq:gpt-oss-120b", providers())))
                .hasMessage("chain entry 'groq:gpt-oss-120b': groq has no model 'gpt-oss-120b'; "
                        + "its models: openai/gpt-oss-120b, openai/gpt-oss-20b");
    }

    @Test
    void chainSpecLeavesOutProvidersWithoutKeys() {
        // given: cerebras has no key
        Map<String, ProviderSettings> providers = new LinkedHashMap<>(providers());
        providers.put("cerebras", settings(ApiKey.none(), "gpt-oss-120b"));

        // when: the default chain
        ChainSpec spec = ChainSpec.parse("", providers);

        // then
        assertThat(spec.routes()).extracting(Route::provider).containsOnly("groq");
        assertThat(spec.warnings())
                .containsExactly("cerebras has no API key (set CEREBRAS_API_KEY): left out of the chain");
    }

    private String generate() {
        return chain.generate("system", "user", Completion::content);
    }

    private List<ChainEvent.Type> types() {
        return events.stream().map(ChainEvent::type).toList();
    }

    @Test
    void waitingInLineAtAProvidersPaceIsNeverAFailureHoweverLong() {
        // given one provider at 1 request per minute, and a pacing deadline far shorter than that
        ProviderSettings slow = new ProviderSettings(
                URI.create("http://localhost:1"),
                ApiKey.of("g"),
                List.of("m"),
                1,
                0,
                0,
                0,
                null,
                null,
                0,
                null,
                Map.of(),
                null,
                null);
        ScriptedClient client = new ScriptedClient("slow");
        ChainPolicy settings = new ChainPolicy(
                2,
                Duration.ofMillis(500),
                Duration.ofSeconds(8),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                RouteCircuitBreakers.Settings.DEFAULT);
        ProviderChain paced = new ProviderChain(
                List.of(new Route("slow", "m")),
                Map.of("slow", new ProviderChain.Member(client, new ProviderRateLimiter("slow", slow, clock, clock))),
                settings,
                clock,
                clock,
                () -> 1.0,
                events::add);

        // when three calls come in a row
        for (int i = 0; i < 3; i++) {
            paced.generate("system", "user", Completion::content);
        }

        // then each waited its turn in line: the run is as slow as the provider allows, and no slower
        assertThat(client.calls).hasSize(3);
        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aStopRequestedWhileACallBacksOffEndsTheWaitWithinASliceAndNoFurtherCallStarts() {
        // given a transient failure, and a stop requested as the chain starts its backoff
        cerebras.script("gpt-oss-120b", ErrorCategory.SERVER_ERROR);
        AtomicReference<ProviderChain> stopping = new AtomicReference<>();
        Sleeper stopOnFirstWait = duration -> {
            clock.sleep(duration);
            stopping.get().requestStop();
        };
        stopping.set(new ProviderChain(
                List.of(CEREBRAS_120B, CEREBRAS_QWEN, GROQ_20B),
                members(),
                ChainPolicy.DEFAULT.withRouting(Routing.PRIORITY),
                clock,
                stopOnFirstWait,
                () -> 1.0,
                events::add));

        // when
        Throwable stopped = catchThrowable(() -> stopping.get().generate("system", "user", Completion::content));

        // then: one slice of the 500 ms backoff, then no retry and no other route
        assertThat(stopped).isInstanceOf(RunStoppedException.class);
        assertThat(cerebras.calls).containsExactly("gpt-oss-120b");
        assertThat(groq.calls).isEmpty();
        assertThat(clock.instant()).isEqualTo(start.plus(ChainWaits.SLICE));
    }

    @Test
    void onceNoRouteIsLeftEveryLaterCallEndsWithTheSameFailureWithoutCalling() {
        // given
        cerebras.script("gpt-oss-120b", ErrorCategory.AUTHENTICATION);
        groq.script("openai/gpt-oss-20b", ErrorCategory.AUTHENTICATION);
        ProviderCallException first = catchThrowableOfType(ProviderCallException.class, this::generate);

        // when
        ProviderCallException later = catchThrowableOfType(ProviderCallException.class, this::generate);

        // then
        assertThat(first.noRouteLeft()).isTrue();
        assertThat(later).isSameAs(first);
        assertThat(cerebras.calls).containsExactly("gpt-oss-120b");
        assertThat(groq.calls).containsExactly("openai/gpt-oss-20b");
    }

    @Test
    void runsSharingOutagesDoNotPayTwiceForARejectedKeyUntilAPreflightHearsFromTheProviderAgain() {
        // given two runs side by side, sharing what they find out
        RouteOutages outages = new RouteOutages();
        ProviderChain first = chainSharing(outages);
        ProviderChain second = chainSharing(outages);
        cerebras.script("gpt-oss-120b", ErrorCategory.AUTHENTICATION);

        // when the first learns that cerebras refuses the key
        first.generate("system", "user", Completion::content);
        second.generate("system", "user", Completion::content);

        // then the second goes to groq without asking cerebras
        assertThat(cerebras.calls).containsExactly("gpt-oss-120b");
        assertThat(groq.calls).containsExactly("openai/gpt-oss-20b", "openai/gpt-oss-20b");
        assertThat(second.state().providersOut()).containsOnlyKeys("cerebras");

        // when a later run's preflight hears from cerebras (its key was fixed)
        cerebras.listsModels("gpt-oss-120b", "qwen-3.8-27b");
        ProviderChain third = chainSharing(outages);
        third.preflight();
        third.generate("system", "user", Completion::content);

        // then cerebras serves again
        assertThat(cerebras.calls).containsExactly("gpt-oss-120b", "gpt-oss-120b");
        assertThat(third.state().providersOut()).isEmpty();
    }

    @Test
    void whatAChainFindsOutAboutItsRoutesIsNewsForTheOtherProcessesOfItsRun() {
        // given a chain sharing its news; its first model is gone, then cerebras refuses the key
        List<RouteNews> news = new ArrayList<>();
        chain.shareRouteNews(news::add);
        cerebras.script("gpt-oss-120b", ErrorCategory.MODEL_UNAVAILABLE);
        cerebras.script("qwen-3.8-27b", ErrorCategory.AUTHENTICATION);

        // when
        generate();
        generate();

        // then each finding is told once, with the chain's explanation
        assertThat(news)
                .extracting(RouteNews::kind, RouteNews::route)
                .containsExactly(
                        Tuple.tuple(RouteNews.Kind.MODEL_OUT, CEREBRAS_120B),
                        Tuple.tuple(RouteNews.Kind.PROVIDER_OUT, CEREBRAS_QWEN));
        assertThat(news).allSatisfy(found -> assertThat(found.why()).isNotBlank());
    }

    @Test
    void aBreakerOpenedByFailuresIsNewsAndOneOpenedOnNewsIsNot() {
        List<RouteNews> news = new ArrayList<>();
        chain.shareRouteNews(news::add);
        cerebras.always("gpt-oss-120b", ErrorCategory.SERVER_ERROR);

        // when the first route fails until its breaker opens, and another process's breaker of groq opened
        generate();
        chain.learn(new RouteNews(RouteNews.Kind.BREAKER_OPEN, GROQ_20B, "circuit open after 500"));

        // then both breakers are open here, and only the first is told to the others
        assertThat(chain.breakerStates())
                .containsEntry(CEREBRAS_120B, RouteCircuitBreakers.State.OPEN)
                .containsEntry(GROQ_20B, RouteCircuitBreakers.State.OPEN);
        assertThat(news).singleElement().satisfies(found -> {
            assertThat(found.kind()).isEqualTo(RouteNews.Kind.BREAKER_OPEN);
            assertThat(found.route()).isEqualTo(CEREBRAS_120B);
            assertThat(found.why()).startsWith("circuit open after ");
        });
        assertThat(events)
                .filteredOn(event -> event.type() == ChainEvent.Type.BREAKER_TRANSITION
                        && event.route().equals(GROQ_20B))
                .singleElement()
                .satisfies(event -> assertThat(event.reason()).contains("opened by another process of the run"));
    }

    @Test
    void newsFromAnotherProcessOfTheRunTakesRoutesOutWithoutACallOrAnEvent() {
        // given another process found the first model gone and then groq's key refused
        chain.learn(new RouteNews(RouteNews.Kind.MODEL_OUT, CEREBRAS_120B, "model gone (404 model_not_found)"));
        chain.learn(new RouteNews(RouteNews.Kind.PROVIDER_OUT, GROQ_20B, "key refused (401)"));

        // when
        generate();

        // then this chain goes straight to the route left, says why the others are out, and records no event
        assertThat(cerebras.calls).containsExactly("qwen-3.8-27b");
        assertThat(groq.calls).isEmpty();
        assertThat(chain.state().failedModels()).isEqualTo(Map.of("cerebras", List.of("gpt-oss-120b")));
        assertThat(chain.state().providersOut()).containsEntry("groq", "key refused (401)");
        assertThat(events).isEmpty();
    }

    private ProviderChain chainSharing(RouteOutages outages) {
        return new ProviderChain(
                List.of(CEREBRAS_120B, CEREBRAS_QWEN, GROQ_20B),
                members(),
                ChainPolicy.DEFAULT.withRouting(Routing.PRIORITY),
                clock,
                clock,
                () -> 1.0,
                events::add,
                outages);
    }

    private ProviderChain chain() {
        return new ProviderChain(
                List.of(CEREBRAS_120B, CEREBRAS_QWEN, GROQ_20B),
                members(),
                ChainPolicy.DEFAULT.withRouting(Routing.PRIORITY),
                clock,
                clock,
                () -> 1.0,
                events::add);
    }

    private Map<String, ProviderChain.Member> members() {
        return Map.of(
                "cerebras",
                        new ProviderChain.Member(
                                cerebras,
                                new ProviderRateLimiter("cerebras", settings(ApiKey.of("c"), "x"), clock, clock)),
                "groq",
                        new ProviderChain.Member(
                                groq, new ProviderRateLimiter("groq", settings(ApiKey.of("g"), "x"), clock, clock)));
    }

    private static Map<String, ProviderSettings> providers() {
        Map<String, ProviderSettings> providers = new LinkedHashMap<>();
        providers.put("cerebras", settings(ApiKey.of("c"), "gpt-oss-120b", "qwen-3.8-27b"));
        providers.put("groq", settings(ApiKey.of("g"), "openai/gpt-oss-120b", "openai/gpt-oss-20b"));
        return providers;
    }

    private static ProviderSettings settings(ApiKey key, String... models) {
        return new ProviderSettings(
                URI.create("http://localhost:1"),
                key,
                List.of(models),
                0,
                0,
                0,
                0,
                null,
                null,
                0,
                null,
                Map.of(),
                null,
                null);
    }
}
