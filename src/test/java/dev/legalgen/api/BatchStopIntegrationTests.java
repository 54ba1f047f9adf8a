package dev.legalgen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.SimulatedProviders;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Stop over HTTP ends a running batch STOPPED after its chunk; the same start body then continues it. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:batch-stop;DB_CLOSE_DELAY=-1",
            // one partition: six chunks of ten, the first committed before its provider holds the second
            "legalgen.job.partitions=1"
        })
class BatchStopIntegrationTests {

    private static final String BODY = """
            {"target_count": 60, "provider": "ext", "dataset": "api-stop"}""";

    static final Simulator PROVIDER = Simulator.start(SimulatorConfig.defaults().withApiKey("key"));

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        SimulatedProviders.register(registry, "ext", PROVIDER, "key", "legal-sim-large");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aRunningBatchRefusesASecondStartAndOnceStoppedTheSameStartRestartsItToCompletion() {
        // given: a batch that has committed its first chunk and waits on its provider
        ApiClient api = new ApiClient(port);
        PROVIDER.holdRequestsAfter(DatasetJobConfiguration.CHUNK_SIZE);
        long first = api.post("/api/generate/batch/start", BODY)
                .body()
                .get("execution_id")
                .asLong();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status(api, first).at("/samples/committed").asLong() >= 10);

        // when: started again while it runs
        ApiClient.Response duplicate = api.post("/api/generate/batch/start", BODY);

        // then: in the REST API's terms, its endpoints and fields, not the command line's
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.body().get("detail").asString())
                .isEqualTo("execution " + first + " of this instance is running; follow it at GET"
                        + " /api/generate/batch/status?execution_id=" + first + ", stop it with POST"
                        + " /api/generate/batch/stop {\"execution_id\": " + first + "}, or give a new run_id for a"
                        + " new instance with the same parameters");

        // when: stopped, and the provider answers once the stop is taken
        ApiClient.Response stop = api.post("/api/generate/batch/stop", "{\"execution_id\": " + first + "}");
        PROVIDER.releaseRequests();

        // then
        assertThat(stop.status()).isEqualTo(202);
        assertThat(stop.body().get("execution_id").asLong()).isEqualTo(first);
        JsonNode stopped = awaitEnd(api, first);
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        long committed = stopped.at("/samples/committed").asLong();
        assertThat(committed).isBetween(10L, 59L);

        // when: the same body again
        ApiClient.Response restart = api.post("/api/generate/batch/start", BODY);

        // then: a new execution of the same instance finishes the remaining slots
        assertThat(restart.status()).isEqualTo(202);
        long second = restart.body().get("execution_id").asLong();
        assertThat(second).isNotEqualTo(first);
        JsonNode completed = awaitEnd(api, second);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("instance_id").asLong())
                .isEqualTo(stopped.get("instance_id").asLong());
        assertThat(completed.at("/samples/committed").asLong()).isEqualTo(60);
        assertThat(completed.at("/counts/written").asLong()).isEqualTo(60 - committed);
    }

    @Test
    void stoppingWhenNothingRunsIsAConflict() {
        // when
        ApiClient.Response stop = new ApiClient(port).post("/api/generate/batch/stop", "{}");

        // then
        assertThat(stop.status()).isEqualTo(409);
        assertThat(stop.contentType()).startsWith("application/problem+json");
    }

    private static JsonNode status(ApiClient api, long executionId) {
        return api.get("/api/generate/batch/status?execution_id=" + executionId).body();
    }

    private static JsonNode awaitEnd(ApiClient api, long executionId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = status(api, executionId);
                    return !last[0].get("running").asBoolean();
                });
        return last[0];
    }
}
