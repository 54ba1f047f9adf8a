package dev.legalgen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.store.EventStore;
import dev.legalgen.testsupport.SimulatedProviders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The endpoints the dashboard reads and drives, over real HTTP: the executions newest first, restart and abandon
 * on the start's rules, and the sample browser's filters and paging.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:dashboard-api;DB_CLOSE_DELAY=-1",
            "legalgen.job.chain=simulator",
            "legalgen.job.partitions=1",
            "legalgen.chain.initial-backoff=10ms",
            "legalgen.chain.max-backoff=20ms",
            "legalgen.job.retry-delay=10ms"
        })
class DashboardApiIntegrationTests {

    static final Simulator HELD = Simulator.start(SimulatorConfig.defaults().withApiKey("key"));

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        SimulatedProviders.register(registry, "held", HELD, "key", "legal-sim-large");
    }

    @AfterAll
    static void stopProvider() {
        HELD.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    SimulatorProvider simulatorProvider;

    @Autowired
    EventStore events;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void executionsAreListedNewestFirstWithTheirDatasetStatusSamplesAndPace() {
        // given two completed runs
        long first = awaitEnd(start("""
                {"target_count": 10, "dataset": "dash-list-a", "practice_areas": ["Tort Law"]}""")).get("execution_id").asLong();
        JsonNode second = awaitEnd(start("""
                {"target_count": 20, "dataset": "dash-list-b", "difficulties": ["basic"]}"""));

        // when
        ApiClient.Response list = api.get("/api/generate/batch/executions?limit=2");

        // then: the same facts as each one's status, newest first
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(2);
        JsonNode newest = list.body().get(0);
        assertThat(newest.get("execution_id").asLong())
                .isEqualTo(second.get("execution_id").asLong());
        assertThat(list.body().get(1).get("execution_id").asLong()).isEqualTo(first);
        assertThat(newest.get("dataset").asString()).isEqualTo("dash-list-b");
        assertThat(newest.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(newest.get("running").asBoolean()).isFalse();
        assertThat(newest.get("chain").asString()).isEqualTo(second.get("chain").asString());
        assertThat(newest.get("mode").asString()).isEqualTo("sync");
        assertThat(newest.get("difficulties").valueStream().map(JsonNode::asString))
                .containsExactly("basic");
        assertThat(newest.at("/samples/committed").asLong()).isEqualTo(20);
        assertThat(newest.at("/samples/target").asLong()).isEqualTo(20);
        assertThat(newest.get("written").asLong())
                .isEqualTo(second.at("/counts/written").asLong());
        assertThat(newest.get("samples_per_second").asDouble())
                .isPositive()
                .isEqualTo(second.get("samples_per_second").asDouble());
        assertThat(newest.get("start_time").asString())
                .isEqualTo(second.get("start_time").asString());
        assertThat(newest.get("end_time").asString())
                .isEqualTo(second.get("end_time").asString());
        assertThat(list.body().get(1).get("practice_areas").valueStream().map(JsonNode::asString))
                .containsExactly("Tort Law");
    }

    @Test
    void aStoppedExecutionRestartsToCompletionAndAnAbandonedOneNeverDoes() {
        // given: a run stopped after its first chunk
        HELD.holdRequestsAfter(DatasetJobConfiguration.CHUNK_SIZE);
        String body = """
                {"target_count": 30, "provider": "held", "dataset": "dash-restart"}""";
        long first = start(body).get("execution_id").asLong();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status(first).at("/samples/committed").asLong() >= 10);
        // while it runs here: its route's breaker, and its provider's headroom as the simulator's headers said it
        JsonNode live = api.get("/api/providers?execution_id=" + first).body();
        assertThat(live.get("live").asBoolean()).isTrue();
        assertThat(live.at("/routes/0/route").asString()).isEqualTo("held:legal-sim-large");
        assertThat(live.at("/routes/0/breaker").asString()).isEqualTo("CLOSED");
        assertThat(live.at("/routes/0/breaker_reported_at").isNull())
                .as("a breaker of this server's is its state now, not a report")
                .isTrue();
        assertThat(live.at("/routes/0/rate_limit/tokens_per_minute/limit").asLong())
                .isPositive();
        assertThat(live.at("/routes/0/rate_limit/tokens_per_minute/remaining").asLong())
                .isBetween(
                        0L,
                        live.at("/routes/0/rate_limit/tokens_per_minute/limit").asLong());
        assertThat(live.at("/routes/0/rate_limit/requests_per_day/remaining").asLong())
                .isPositive();
        assertThat(live.at("/routes/0/rate_limit").has("blocked_until")).isFalse();
        assertThat(api.post("/api/generate/batch/stop", "{\"execution_id\": " + first + "}")
                        .status())
                .isEqualTo(202);
        HELD.releaseRequests();
        assertThat(awaitEnd(first).get("status").asString()).isEqualTo("STOPPED");

        // when
        ApiClient.Response restart = api.post("/api/generate/batch/restart", "{\"execution_id\": " + first + "}");

        // then: a new execution of the same instance, which completes it
        assertThat(restart.status()).isEqualTo(202);
        long second = restart.body().get("execution_id").asLong();
        assertThat(second).isGreaterThan(first);
        JsonNode completed = awaitEnd(second);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("instance_id").asLong())
                .isEqualTo(status(first).get("instance_id").asLong());
        assertThat(completed.at("/samples/committed").asLong()).isEqualTo(30);

        // and the stopped one is not the latest of its instance any more, nor is a completed one restartable
        ApiClient.Response old = api.post("/api/generate/batch/restart", "{\"execution_id\": " + first + "}");
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.body().get("field").asString()).isEqualTo("execution_id");
        assertThat(old.body().get("detail").asString())
                .isEqualTo("execution " + first + " is not the latest of its instance: restart execution " + second
                        + " (COMPLETED)");
        ApiClient.Response done = api.post("/api/generate/batch/restart", "{\"execution_id\": " + second + "}");
        assertThat(done.status()).isEqualTo(409);
        assertThat(done.body().get("detail").asString()).contains("COMPLETED");
        assertThat(api.post("/api/generate/batch/abandon", "{\"execution_id\": " + second + "}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void theStatusIsSummarisedOnceASecondForAllItsPollersAndAStopMakesItFresh() {
        // given: a run held after its first chunk
        HELD.holdRequestsAfter(DatasetJobConfiguration.CHUNK_SIZE);
        long executionId = start("""
                {"target_count": 30, "provider": "held", "dataset": "dash-fresh"}""").get("execution_id").asLong();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> status(executionId).at("/samples/committed").asLong() >= 10);
            JsonNode before = status(executionId);
            assertThat(before.get("status").asString()).isEqualTo("STARTED");

            // when an operator stops it
            ApiClient.Response stop = api.post("/api/generate/batch/stop", "{\"execution_id\": " + executionId + "}");

            // then: the next poll, within the second, shows the stop, not the summary the pollers shared
            assertThat(stop.status()).isEqualTo(202);
            assertThat(stop.body().get("status").asString()).isNotEqualTo("STARTED");
            assertThat(status(executionId).get("status").asString())
                    .isEqualTo(stop.body().get("status").asString());
        } finally {
            HELD.releaseRequests();
        }
        assertThat(awaitEnd(executionId).get("status").asString()).isEqualTo("STOPPED");
    }

    @Test
    void anAbandonedExecutionIsMarkedSoAndRefusesARestart() {
        // given: a stopped run
        HELD.holdRequestsAfter(0);
        long execution = start("""
                {"target_count": 20, "provider": "held", "dataset": "dash-abandon"}""").get("execution_id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> HELD.heldRequestCount() > 0);
        api.post("/api/generate/batch/stop", "{\"execution_id\": " + execution + "}");
        HELD.releaseRequests();
        awaitEnd(execution);

        // when
        ApiClient.Response abandoned = api.post("/api/generate/batch/abandon", "{\"execution_id\": " + execution + "}");

        // then
        assertThat(abandoned.status()).isEqualTo(200);
        assertThat(abandoned.body().get("status").asString()).isEqualTo("ABANDONED");
        assertThat(status(execution).get("status").asString()).isEqualTo("ABANDONED");
        ApiClient.Response restart = api.post("/api/generate/batch/restart", "{\"execution_id\": " + execution + "}");
        assertThat(restart.status()).isEqualTo(409);
        assertThat(restart.body().get("detail").asString())
                .isEqualTo("execution " + execution + " is ABANDONED; only FAILED or STOPPED executions restart");
    }

    @Test
    void restartAndAbandonNeedAnExecutionIdAndAnUnknownOneIs404() {
        for (String path : List.of("/api/generate/batch/restart", "/api/generate/batch/abandon")) {
            ApiClient.Response missing = api.post(path, "{}");
            assertThat(missing.status()).as(path).isEqualTo(400);
            assertThat(missing.contentType()).startsWith("application/problem+json");
            assertThat(missing.body().get("field").asString()).isEqualTo("execution_id");
            assertThat(api.post(path, "{\"execution_id\": 987654}").status()).isEqualTo(404);
        }
        ApiClient.Response badLimit = api.get("/api/generate/batch/executions?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().get("field").asString()).isEqualTo("limit");
    }

    @Test
    void samplesAreFilteredByTheirFieldsAndPagedWithTheTotalInAHeader() {
        // given
        JsonNode run = awaitEnd(start("""
                {"target_count": 12, "dataset": "dash-samples", "practice_areas": ["Contract Law", "Tort Law"],
                 "difficulties": ["basic", "advanced"]}"""));
        long executionId = run.get("execution_id").asLong();
        String ofRun = "/api/samples?execution_id=" + executionId;

        // when
        ApiClient.Response all = api.get(ofRun + "&limit=500");
        ApiClient.Response tortBasic = api.get(ofRun + "&practice_area=Tort%20Law&difficulty=basic&limit=500");
        ApiClient.Response firstPage = api.get(ofRun + "&limit=5&offset=0");
        ApiClient.Response lastPage = api.get(ofRun + "&limit=5&offset=10");

        // then
        assertThat(all.body()).hasSize(12);
        assertThat(header(all)).isEqualTo(12);
        assertThat(tortBasic.body()).isNotEmpty().allSatisfy(sample -> {
            assertThat(sample.get("practice_area").asString()).isEqualTo("Tort Law");
            assertThat(sample.get("difficulty").asString()).isEqualTo("basic");
        });
        long expected = all.body()
                .valueStream()
                .filter(s -> s.get("practice_area").asString().equals("Tort Law")
                        && s.get("difficulty").asString().equals("basic"))
                .count();
        assertThat(tortBasic.body()).hasSize((int) expected);
        assertThat(header(tortBasic)).isEqualTo(expected);
        assertThat(firstPage.body()).hasSize(5);
        assertThat(lastPage.body()).hasSize(2);

        // and a topic matches by its label or by the part after the area; provider, model, citation_check too
        JsonNode one = all.body().get(0);
        String label = one.get("topic").asString();
        String topic = label.substring(label.indexOf(" - ") + 3);
        for (String value : List.of(label, topic)) {
            ApiClient.Response byTopic =
                    api.get(ofRun + "&topic=" + value.replace(" ", "%20").replace("&", "%26") + "&limit=500");
            assertThat(byTopic.body())
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(s.get("topic").asString()).isEqualTo(label));
        }
        ApiClient.Response byRoute = api.get(ofRun + "&provider=simulator&model="
                + one.get("model").asString() + "&citation_check="
                + one.get("citation_check").asString() + "&limit=500");
        assertThat(byRoute.body())
                .isNotEmpty()
                .anySatisfy(s -> assertThat(s.get("id").asString())
                        .isEqualTo(one.get("id").asString()));
        assertThat(header(api.get(ofRun + "&provider=nobody"))).isZero();
    }

    @Test
    void aBadSampleFilterIs400NamingTheField() {
        ApiClient.Response difficulty = api.get("/api/samples?difficulty=expert");
        assertThat(difficulty.status()).isEqualTo(400);
        assertThat(difficulty.contentType()).startsWith("application/problem+json");
        assertThat(difficulty.body().get("field").asString()).isEqualTo("difficulty");
        assertThat(difficulty.body().get("detail").asString()).contains("basic, intermediate, advanced");

        ApiClient.Response citation = api.get("/api/samples?citation_check=maybe");
        assertThat(citation.status()).isEqualTo(400);
        assertThat(citation.body().get("field").asString()).isEqualTo("citation_check");
        assertThat(citation.body().get("detail").asString())
                .contains("recognized")
                .contains("malformed");

        ApiClient.Response execution = api.get("/api/samples?execution_id=abc");
        assertThat(execution.status()).isEqualTo(400);
        assertThat(execution.body().get("field").asString()).isEqualTo("execution_id");
        assertThat(execution.body().get("detail").asString()).isEqualTo("execution_id must be a whole number");
    }

    @Test
    void theCatalogNamesWhatAStartAndTheFiltersTakeAndNoKey() {
        // when
        ApiClient.Response catalog = api.get("/api/catalog");

        // then
        assertThat(catalog.status()).isEqualTo(200);
        JsonNode body = catalog.body();
        assertThat(body.get("practice_areas")
                        .valueStream()
                        .map(a -> a.get("name").asString()))
                .contains("Contract Law", "Tort Law");
        assertThat(body.at("/practice_areas/0/topics")).isNotEmpty();
        assertThat(body.get("difficulties").valueStream().map(JsonNode::asString))
                .containsExactly("basic", "intermediate", "advanced");
        assertThat(body.get("modes").valueStream().map(JsonNode::asString)).containsExactly("sync", "batch");
        assertThat(body.get("citation_checks").valueStream().map(JsonNode::asString))
                .contains("recognized", "none", "malformed");
        assertThat(body.get("default_chain").asString()).isEqualTo("simulator");
        assertThat(body.at("/providers/held").asString()).isEqualTo("usable");
        assertThat(catalog.text()).doesNotContain("\"key\"");
    }

    @Test
    void providersShowEachRoutesFailuresAndTheSwitchesWithTheirReasons() {
        // given: a run whose first route answers 500 to everything, so that its breaker opens and the chain switches
        simulatorProvider.simulator().faults().forModel("legal-sim-large").always(new Fault.Status(500, null));
        long executionId;
        try {
            executionId = awaitEnd(start("""
                    {"target_count": 20, "dataset": "dash-providers"}""")).get("execution_id").asLong();
        } finally {
            simulatorProvider.simulator().faults().clear();
        }

        // and a failure of that route recorded an hour ago, before the recent window
        long instanceId = status(executionId).get("instance_id").asLong();
        events.record(new EventStore.Event(
                instanceId,
                executionId,
                Instant.now().minus(Duration.ofHours(1)),
                "failure",
                "simulator",
                "legal-sim-large",
                "server_error",
                null,
                "an hour ago"));

        // when
        ApiClient.Response providers = api.get("/api/providers?execution_id=" + executionId);

        // then: the route with its failures, its breaker as the run last recorded it, and the timeline, newest first
        assertThat(providers.status()).isEqualTo(200);
        JsonNode body = providers.body();
        assertThat(body.get("execution_id").asLong()).isEqualTo(executionId);
        assertThat(body.get("live").asBoolean()).isFalse();
        assertThat(body.at("/providers/simulator").asString()).startsWith("usable");
        JsonNode large = body.get("routes")
                .valueStream()
                .filter(r -> r.get("route").asString().equals("simulator:legal-sim-large"))
                .findFirst()
                .orElseThrow();
        assertThat(large.get("provider").asString()).isEqualTo("simulator");
        assertThat(large.get("model").asString()).isEqualTo("legal-sim-large");
        long failures = large.at("/failures/server_error").asLong();
        assertThat(failures).isGreaterThanOrEqualTo(3 + 1);
        assertThat(body.get("recent_seconds").asLong()).isEqualTo(600);
        assertThat(large.at("/recent_failures/server_error").asLong())
                .as("the failure of an hour ago is not recent")
                .isEqualTo(failures - 1);
        JsonNode lastTransition = body.get("events")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("breaker_transition")
                        && e.get("route").asString().equals("simulator:legal-sim-large"))
                .findFirst()
                .orElseThrow();
        assertThat(large.get("breaker").asString())
                .as("the breaker as its latest transition left it")
                .isIn("OPEN", "HALF_OPEN")
                .isEqualTo(lastTransition.get("category").asString());
        assertThat(lastTransition.get("reason").asString())
                .endsWith("-> " + large.get("breaker").asString());
        assertThat(large.get("breaker_reported_at").asString())
                .isEqualTo(lastTransition.get("time").asString());
        assertThat(large.get("rate_limit").isNull())
                .as("headroom went with the process")
                .isTrue();
        assertThat(body.get("events")
                        .valueStream()
                        .map(e ->
                                e.get("kind").asString() + " " + e.get("reason").asString()))
                .contains("breaker_transition CLOSED -> OPEN")
                .anySatisfy(line -> assertThat(line).startsWith("model_switch"));
        assertThat(body.get("events").valueStream().map(e -> e.get("kind").asString()))
                .allSatisfy(
                        kind -> assertThat(ProvidersController.TIMELINE_KINDS).contains(kind));
        JsonNode status = status(executionId);
        assertThat(status.at("/provider/model_switches").asLong()).isPositive();
        assertThat(api.get("/api/providers?execution_id=987654").status()).isEqualTo(404);
    }

    @Test
    void theDashboardIsServedAtTheRootWithItsScriptStylesAndFavicon() {
        ApiClient.Response page = api.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<title>legalgen dashboard</title>").doesNotContain("http");
        assertThat(page.headers().get("Content-Security-Policy"))
                .isEqualTo(DashboardHeaders.POLICY)
                .contains("script-src 'self';");
        assertThat(page.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        for (String file : List.of("/dashboard.js", "/dashboard.css", "/favicon.svg", "/favicon.ico")) {
            assertThat(api.get(file).status()).as(file).isEqualTo(200);
        }
    }

    private long header(ApiClient.Response response) {
        return Long.parseLong(response.headers().get(GenerateController.TOTAL_COUNT));
    }

    private JsonNode start(String body) {
        ApiClient.Response started = api.post("/api/generate/batch/start", body);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        return started.body();
    }

    private JsonNode status(long executionId) {
        return api.get("/api/generate/batch/status?execution_id=" + executionId).body();
    }

    private JsonNode awaitEnd(JsonNode started) {
        return awaitEnd(started.get("execution_id").asLong());
    }

    private JsonNode awaitEnd(long executionId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = status(executionId);
                    return !last[0].get("running").asBoolean();
                });
        return last[0];
    }
}
