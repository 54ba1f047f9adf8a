package dev.legalgen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The batch endpoints over real HTTP: asynchronous launch, status from the repository, restart rules, samples. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:batch-api;DB_CLOSE_DELAY=-1", "legalgen.job.chain=simulator"})
class BatchApiIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aStartedBatchRunsInTheBackgroundToCompletionAndItsSamplesAreListed() {
        // given
        String body = """
                {"target_count": 30, "provider": "simulator", "model": "legal-sim-small", "dataset": "api-complete"}""";

        // when
        ApiClient.Response started = api.post("/api/generate/batch/start", body);

        // then: accepted at once, with the execution to follow
        assertThat(started.status()).isEqualTo(202);
        long executionId = started.body().get("execution_id").asLong();
        JsonNode status = awaitEnd(executionId);
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("chain").asString()).isEqualTo("simulator:legal-sim-small");
        assertThat(status.at("/samples/committed").asLong()).isEqualTo(30);
        assertThat(status.at("/samples/target").asLong()).isEqualTo(30);
        assertThat(status.get("progress_percent").asDouble()).isEqualTo(100.0);
        assertThat(status.at("/counts/written").asLong()).isEqualTo(30);
        // each partition with its counters, which the execution's counts sum; run here, so no worker is named
        JsonNode partitions = status.get("partitions");
        assertThat(partitions).hasSize(8).allSatisfy(partition -> {
            assertThat(partition.get("step").asString()).startsWith("generateWorker:partition");
            assertThat(partition.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(partition.has("worker")).isFalse();
        });
        assertThat(partitions
                        .valueStream()
                        .mapToLong(p -> p.get("written").asLong())
                        .sum())
                .isEqualTo(30);
        assertThat(status.at("/provider/current_provider").asString()).isEqualTo("simulator");
        assertThat(status.at("/provider/samples_generated").asLong()).isEqualTo(30);
        assertThat(status.get("end_time").isNull()).isFalse();
        assertThat(status.at("/quality/citation_checks").propertyNames()).isSubsetOf("recognized", "none");
        assertThat(status.at("/quality/citation_checks")
                        .valueStream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isEqualTo(30);
        assertThat(status.at("/quality/duplicates_refused/exact").asLong()).isZero();
        assertThat(status.at("/spend/calls").asLong()).isEqualTo(30);
        assertThat(status.at("/spend/spent/total").asLong())
                .isPositive()
                .isEqualTo(status.at("/spend/kept/total").asLong())
                .isEqualTo(status.at("/spend/spent/prompt").asLong()
                        + status.at("/spend/spent/completion").asLong());
        assertThat(status.at("/spend/spent/cost_usd").decimalValue())
                .as("at the simulator's small model's price")
                .isPositive()
                .isEqualByComparingTo(
                        status.at("/spend/routes/0/billed/cost_usd").decimalValue());
        assertThat(status.at("/spend/routes/0/model").asString()).isEqualTo("legal-sim-small");

        // and the coverage ledger has every cell of the plan, complete
        JsonNode coverage = api.get("/api/generate/batch/coverage?execution_id=" + executionId)
                .body();
        assertThat(coverage).hasSize(30).allSatisfy(cell -> {
            assertThat(cell.get("planned").asInt()).isEqualTo(1);
            assertThat(cell.get("committed").asInt()).isEqualTo(1);
            assertThat(cell.get("missing").isEmpty()).isTrue();
            assertThat(cell.get("practice_area").asString()).isNotBlank();
        });

        ApiClient.Response samples = api.get("/api/samples?limit=5");
        assertThat(samples.status()).isEqualTo(200);
        assertThat(samples.body()).hasSize(5);
        JsonNode sample = samples.body().get(0);
        assertThat(sample.get("id").asString()).startsWith("simulator_");
        assertThat(sample.get("model").asString()).isEqualTo("legal-sim-small");
        for (String field : new String[] {"question", "answer", "reasoning", "case_citation", "batch_id", "topic"}) {
            assertThat(sample.get(field).asString()).isNotBlank();
        }
    }

    @Test
    void startingACompletedBatchAgainAnswers200WithTheCompletedExecution() {
        // given
        String body = """
                {"target_count": 20, "provider": "simulator", "dataset": "api-rerun"}""";
        long first = api.post("/api/generate/batch/start", body)
                .body()
                .get("execution_id")
                .asLong();
        awaitEnd(first);

        // when
        ApiClient.Response again = api.post("/api/generate/batch/start", body);

        // then
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("execution_id").asLong()).isEqualTo(first);
        assertThat(again.body().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(again.body().get("message").asString()).contains("already complete");
    }

    @Test
    void aRunIdStartsANewInstanceOfCompletedParametersAndOutputNamesItsExport(@TempDir Path outDir) throws IOException {
        // given a completed instance, whose rerun says how to get a new one in the API's terms
        String body = """
                {"target_count": 20, "provider": "simulator", "dataset": "api-run-id"}""";
        long first = api.post("/api/generate/batch/start", body)
                .body()
                .get("execution_id")
                .asLong();
        awaitEnd(first);
        ApiClient.Response again = api.post("/api/generate/batch/start", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("message").asString())
                .isEqualTo("already complete (execution " + first
                        + "); nothing to do: give a new run_id for a new instance with the same parameters");

        // when: the same parameters with a run_id, and an export file of its own
        Path export = outDir.resolve("second.jsonl");
        ApiClient.Response second = api.post("/api/generate/batch/start", """
                {"target_count": 20, "provider": "simulator", "dataset": "api-run-id", "run_id": "second",
                 "output": "%s"}""".formatted(export));

        // then: a new instance, run to completion, exported where asked
        assertThat(second.status()).isEqualTo(202);
        JsonNode status = awaitEnd(second.body().get("execution_id").asLong());
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("instance_id").asLong())
                .isNotEqualTo(awaitEnd(first).get("instance_id").asLong());
        assertThat(status.at("/samples/committed").asLong()).isEqualTo(20);
        assertThat(Files.readAllLines(export)).hasSize(20);
    }

    @Test
    void statusWithoutAnIdReportsTheLatestExecution() {
        // given
        long executionId = api.post("/api/generate/batch/start", """
                {"target_count": 20, "dataset": "api-latest"}""")
                .body()
                .get("execution_id")
                .asLong();
        awaitEnd(executionId);

        // when
        ApiClient.Response latest = api.get("/api/generate/batch/status");

        // then
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body().get("execution_id").asLong()).isEqualTo(executionId);
        assertThat(latest.body().get("dataset").asString()).isEqualTo("api-latest");
    }

    @Test
    void anUnknownExecutionIs404ProblemDetail() {
        // when
        ApiClient.Response response = api.get("/api/generate/batch/status?execution_id=987654");

        // then
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).contains("987654");
    }

    @Test
    void aStartInBatchModeGoesThroughTheProvidersBatchApiAndItsStatusListsEachBatch() {
        // given
        String body = """
                {"target_count": 25, "provider": "simulator", "dataset": "api-batch-mode", "mode": "batch"}""";

        // when
        ApiClient.Response started = api.post("/api/generate/batch/start", body);

        // then: one file of 25 lines, completed and ingested, each line answered
        assertThat(started.status()).isEqualTo(202);
        JsonNode status = awaitEnd(started.body().get("execution_id").asLong());
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.at("/samples/committed").asLong()).isEqualTo(25);
        JsonNode file = status.at("/batches/files/0");
        assertThat(status.at("/batches/files")).hasSize(1);
        assertThat(file.get("round").asInt()).isEqualTo(1);
        assertThat(file.get("batch_id").asString()).startsWith("batch_");
        assertThat(file.get("input_file_id").asString()).startsWith("file_");
        assertThat(file.get("status").asString()).isEqualTo("completed");
        assertThat(file.get("lines").asInt()).isEqualTo(25);
        assertThat(file.get("completed").asInt()).isEqualTo(25);
        assertThat(file.get("ingested").asBoolean()).isTrue();
        assertThat(status.at("/batches/lines/1/answered").asLong()).isEqualTo(25);
        assertThat(status.at("/spend/calls").asLong()).isEqualTo(25);
    }

    @Test
    void statusNamesTheWorkerThatClaimedEachPartitionOfARemoteRun() {
        ApiClient.Response started = api.post("/api/generate/batch/start", """
                {"target_count": 8, "provider": "simulator", "dataset": "api-partition-workers"}""");
        long executionId = started.body().get("execution_id").asLong();
        awaitEnd(executionId);
        // what a worker process records when it claims a partition (PartitionRunner, through PartitionClaims)
        long firstPartition = jdbc.queryForObject(
                "SELECT MIN(STEP_EXECUTION_ID) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                        + " AND STEP_NAME LIKE 'generateWorker:%'",
                Long.class, executionId);
        jdbc.update(
                "INSERT INTO partition_claim (step_execution_id, job_execution_id, worker, claimed_at, heartbeat_at)"
                        + " VALUES (?, ?, 'node-7:4242', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                firstPartition,
                executionId);

        // (the status is summarised at most once a second, so the claim shows within one)
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    JsonNode partitions = api.get("/api/generate/batch/status?execution_id=" + executionId)
                            .body()
                            .get("partitions");
                    assertThat(partitions
                                    .valueStream()
                                    .filter(p -> p.has("worker"))
                                    .map(p -> p.get("step").asString() + " "
                                            + p.get("worker").asString()))
                            .containsExactly("generateWorker:partition0 node-7:4242");
                });
    }

    @Test
    void anUnknownModeIsRefusedWithA400NamingTheField() {
        ApiClient.Response refused = api.post("/api/generate/batch/start", """
                {"target_count": 5, "provider": "simulator", "dataset": "api-bad-mode", "mode": "offline"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("mode");
    }

    private JsonNode awaitEnd(long executionId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = api.get("/api/generate/batch/status?execution_id=" + executionId)
                            .body();
                    return !last[0].get("running").asBoolean();
                });
        return last[0];
    }
}
