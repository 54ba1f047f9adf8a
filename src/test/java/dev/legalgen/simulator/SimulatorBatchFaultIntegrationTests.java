package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.legalgen.testsupport.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class SimulatorBatchFaultIntegrationTests {

    private static final String MODEL = "legal-sim-large";

    private Simulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void everyTenthLineFailsWithTheScriptedStatusInTheErrorFile() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        simulator.batchFaults().everyNthLine(10, new Fault.Status(500, null));

        // when
        JsonNode batch = client.batch(client.submitted(BatchClient.jsonl(MODEL, 50)));
        List<JsonNode> output = client.lines(batch.get("output_file_id").asString());
        List<JsonNode> errors = client.lines(batch.get("error_file_id").asString());

        // then
        assertThat(batch.get("status").asString()).isEqualTo("completed");
        assertThat(batch.at("/request_counts/completed").asInt()).isEqualTo(45);
        assertThat(batch.at("/request_counts/failed").asInt()).isEqualTo(5);
        assertThat(output).hasSize(45);
        assertThat(BatchClient.customIds(errors))
                .containsExactlyInAnyOrder("slot-10", "slot-20", "slot-30", "slot-40", "slot-50");
        assertThat(errors).allSatisfy(line -> {
            assertThat(line.at("/response/status_code").asInt()).isEqualTo(500);
            assertThat(line.at("/response/request_id").asString()).startsWith("req_");
            assertThat(line.at("/response/body/error/type").asString()).isEqualTo("internal_server_error");
            assertThat(line.get("error").isNull()).isTrue();
        });
        assertThat(simulator.batchBilled().get(MODEL).calls())
                .as("only 200s are billed")
                .isEqualTo(45);
    }

    @Test
    void theNextLinesFailWithA400AndLaterOnesAndBatchesAreAnswered() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        simulator.batchFaults().nextLines(2, new Fault.Status(400, null));

        // when
        JsonNode first = client.batch(client.submitted(BatchClient.jsonl(MODEL, 3)));
        JsonNode second = client.batch(client.submitted(BatchClient.jsonl(MODEL, 3)));

        // then
        List<JsonNode> errors = client.lines(first.get("error_file_id").asString());
        assertThat(BatchClient.customIds(errors)).containsExactlyInAnyOrder("slot-1", "slot-2");
        assertThat(errors).allSatisfy(line -> {
            assertThat(line.at("/response/status_code").asInt()).isEqualTo(400);
            assertThat(line.at("/response/body/error/type").asString()).isEqualTo("invalid_request_error");
        });
        assertThat(second.get("request_counts"))
                .isEqualTo(SimClient.JSON.readTree("{\"total\":3,\"completed\":3,\"failed\":0}"));
        assertThat(second.get("error_file_id").isNull()).isTrue();
    }

    @Test
    void aLineNamingAnUnknownModelGetsThe404ItWouldGetSynchronously() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        String synchronous = new SimClient(simulator)
                .post(BatchClient.slotRequest("no-such-model", 1), SimClient.KEY)
                .body();

        // when
        JsonNode batch = client.batch(
                client.submitted(BatchClient.line("slot-1", BatchClient.slotRequest("no-such-model", 1)) + "\n"));

        // then
        assertThat(batch.get("output_file_id").isNull())
                .as("no line answered 200")
                .isTrue();
        JsonNode line = client.lines(batch.get("error_file_id").asString()).get(0);
        assertThat(line.at("/response/status_code").asInt()).isEqualTo(404);
        assertThat(line.at("/response/body")).isEqualTo(SimClient.JSON.readTree(synchronous));
        assertThat(line.at("/response/body/error/code").asString()).isEqualTo("model_not_found");
    }

    @Test
    void aContentFaultShapesALinesSampleAsItWouldASynchronousAnswer() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        simulator.batchFaults().nextLines(1, Fault.malformedJson());

        // when
        JsonNode batch = client.batch(client.submitted(BatchClient.jsonl(MODEL, 1)));

        // then
        JsonNode line = client.lines(batch.get("output_file_id").asString()).get(0);
        assertThat(line.at("/response/status_code").asInt()).isEqualTo(200);
        String content = line.at("/response/body/choices/0/message/content").asString();
        assertThatThrownBy(() -> SimClient.JSON.readTree(content)).isInstanceOf(JacksonException.class);
    }

    @Test
    void anExpiringBatchKeepsTheLinesRunAndListsTheRestAsExpired() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        simulator.batchFaults().nextBatchExpiresAfter(3);

        // when
        JsonNode expired = client.batch(client.submitted(BatchClient.jsonl(MODEL, 10)));
        JsonNode next = client.batch(client.submitted(BatchClient.jsonl(MODEL, 2)));

        // then
        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertThat(expired.get("expired_at").isNumber()).isTrue();
        assertThat(expired.get("completed_at").isNull()).isTrue();
        assertThat(expired.get("request_counts"))
                .isEqualTo(SimClient.JSON.readTree("{\"total\":10,\"completed\":3,\"failed\":0}"));
        assertThat(BatchClient.customIds(
                        client.lines(expired.get("output_file_id").asString())))
                .containsExactlyInAnyOrder("slot-1", "slot-2", "slot-3");
        List<JsonNode> errors = client.lines(expired.get("error_file_id").asString());
        assertThat(BatchClient.customIds(errors))
                .containsExactlyInAnyOrderElementsOf(BatchClient.slotIds(10).subList(3, 10));
        assertThat(errors).allSatisfy(line -> {
            assertThat(line.get("response").isNull()).isTrue();
            assertThat(line.at("/error/code").asString()).isEqualTo("batch_expired");
        });
        assertThat(simulator.batchBilled().get(MODEL).calls())
                .as("only completed lines are billed")
                .isEqualTo(5);
        assertThat(next.get("status").asString())
                .as("the fault was the next batch's only")
                .isEqualTo("completed");
    }

    @Test
    void theCompletionWindowExpiresABatchTheClockOutruns() {
        // given: a line an hour, 30 lines, a 24h window
        TestClock clock = TestClock.manual();
        BatchClient client = start(SimulatorConfig.defaults()
                .withClock(clock)
                .withBatchTiming(new BatchTiming(Duration.ZERO, Duration.ofHours(1), Duration.ZERO, Duration.ZERO)));
        String batchId = client.submitted(BatchClient.jsonl(MODEL, 30));

        // when
        clock.advance(Duration.ofHours(23));
        JsonNode running = client.batch(batchId);
        clock.advance(Duration.ofHours(2));
        JsonNode expired = client.batch(batchId);

        // then
        assertThat(running.get("status").asString()).isEqualTo("in_progress");
        assertThat(running.at("/request_counts/completed").asInt()).isEqualTo(23);
        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertThat(expired.get("expired_at").asLong())
                .isEqualTo(expired.get("expires_at").asLong());
        assertThat(expired.at("/request_counts/completed").asInt()).isEqualTo(24);
        assertThat(client.lines(expired.get("error_file_id").asString())).hasSize(6);
    }

    @Test
    void aBatchFailingValidationRunsNoLineAndSaysWhy() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        simulator.batchFaults().nextBatchFailsValidation("token_limit_exceeded", "Enqueued token limit reached.");

        // when
        JsonNode batch = client.batch(client.submitted(BatchClient.jsonl(MODEL, 4)));

        // then
        assertThat(batch.get("status").asString()).isEqualTo("failed");
        assertThat(batch.get("failed_at").isNumber()).isTrue();
        assertThat(batch.get("in_progress_at").isNull()).isTrue();
        assertThat(batch.at("/errors/0/code").asString()).isEqualTo("token_limit_exceeded");
        assertThat(batch.at("/errors/0/message").asString()).isEqualTo("Enqueued token limit reached.");
        assertThat(batch.get("output_file_id").isNull()).isTrue();
        assertThat(batch.get("error_file_id").isNull()).isTrue();
        assertThat(simulator.batchBilled()).isEmpty();
    }

    @Test
    void aBatchLineCannotBeDroppedOrDelayed() {
        // given
        simulator = Simulator.start(SimulatorConfig.defaults());
        BatchScript script = simulator.batchFaults();

        // when / then
        assertThatThrownBy(() -> script.nextLines(1, Fault.drop())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> script.everyNthLine(2, Fault.delay(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchLinesNeitherConsumeSynchronousFaultsNorCountAgainstTheRateLimits() {
        // given: one request a minute, and a synchronous fault waiting
        BatchClient client = start(SimulatorConfig.defaults().withLimits(1, 0));
        simulator.faults().forAllModels().next(new Fault.Status(503, null));

        // when
        JsonNode batch = client.batch(client.submitted(BatchClient.jsonl(MODEL, 5)));
        int synchronous = new SimClient(simulator).chat(MODEL).statusCode();
        int afterIt = new SimClient(simulator).chat(MODEL).statusCode();

        // then
        assertThat(batch.at("/request_counts/completed").asInt()).isEqualTo(5);
        assertThat(synchronous).as("the scripted fault is still there").isEqualTo(503);
        assertThat(afterIt)
                .as("the batch used none of the minute's one request")
                .isEqualTo(200);
    }

    private BatchClient start(SimulatorConfig config) {
        simulator = Simulator.start(config);
        return new BatchClient(simulator);
    }
}
