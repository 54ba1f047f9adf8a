package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.testsupport.TestClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SimulatorBatchApiIntegrationTests {

    private static final String MODEL = "legal-sim-large";

    private Simulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aBatchAnswersEveryLineOnceWithAChatCompletionOutOfInputOrderAndBillsItApart() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        String fileId = client.uploaded(BatchClient.jsonl(MODEL, 50));

        // when
        JsonNode created = SimClient.json(client.create(fileId));
        JsonNode batch = client.batch(created.get("id").asString());
        List<JsonNode> output = client.lines(batch.get("output_file_id").asString());

        // then: created validating, with nothing counted yet, as Groq's example shows
        assertThat(created.get("id").asString()).matches("batch_[0-9a-z]{26}");
        assertThat(created.get("object").asString()).isEqualTo("batch");
        assertThat(created.get("status").asString()).isEqualTo("validating");
        assertThat(created.get("input_file_id").asString()).isEqualTo(fileId);
        assertThat(created.get("endpoint").asString()).isEqualTo("/v1/chat/completions");
        assertThat(created.get("completion_window").asString()).isEqualTo("24h");
        assertThat(created.get("expires_at").asLong()
                        - created.get("created_at").asLong())
                .isEqualTo(86_400);
        assertThat(created.at("/request_counts/total").asInt()).isZero();
        assertThat(created.get("errors").isNull()).isTrue();
        assertThat(created.get("output_file_id").isNull()).isTrue();
        assertThat(created.get("in_progress_at").isNull()).isTrue();
        // and finished at its first poll, with the default timing
        assertThat(batch.get("status").asString()).isEqualTo("completed");
        assertThat(batch.get("completed_at").isNumber()).isTrue();
        assertThat(batch.get("request_counts"))
                .isEqualTo(SimClient.JSON.readTree("{\"total\":50,\"completed\":50,\"failed\":0}"));
        assertThat(batch.get("error_file_id").isNull()).isTrue();
        List<String> customIds = BatchClient.customIds(output);
        assertThat(customIds).containsExactlyInAnyOrderElementsOf(BatchClient.slotIds(50));
        assertThat(customIds).isNotEqualTo(BatchClient.slotIds(50));
        for (JsonNode line : output) {
            assertThat(line.get("id").asString()).matches("batch_req_[0-9a-z]{26}");
            assertThat(line.get("error").isNull()).isTrue();
            assertThat(line.at("/response/status_code").asInt()).isEqualTo(200);
            JsonNode body = line.at("/response/body");
            assertThat(body.get("object").asString()).isEqualTo("chat.completion");
            assertThat(body.get("model").asString()).isEqualTo(MODEL);
            assertThat(line.at("/response/request_id").asString())
                    .isEqualTo(body.at("/x_groq/id").asString());
            assertThat(SimClient.JSON
                            .readTree(body.at("/choices/0/message/content").asString())
                            .get("question")
                            .asString())
                    .contains("Topic " + line.get("custom_id").asString().substring("slot-".length()));
        }
        Bills.Usage billed = simulator.batchBilled().get(MODEL);
        assertThat(billed.calls()).isEqualTo(50);
        assertThat(billed.prompt()).isEqualTo(sum(output, "/usage/prompt_tokens"));
        assertThat(billed.completion()).isEqualTo(sum(output, "/usage/completion_tokens"));
        assertThat(simulator.billed()).as("synchronous billing untouched").isEmpty();
        assertThat(simulator.requestCount()).as("no synchronous request").isZero();
    }

    @Test
    void aLineIsAnsweredAsTheSynchronousEndpointAnswersTheSameRequest() {
        // given: a reasoning request, the first time in each of two simulators
        String request = SimClient.JSON.writeValueAsString(
                ((ObjectNode) SimClient.JSON.readTree(BatchClient.slotRequest(MODEL, 7)))
                        .put("reasoning_effort", "high"));
        JsonNode synchronous;
        try (Simulator other = Simulator.start(SimulatorConfig.defaults())) {
            synchronous = SimClient.json(new SimClient(other).post(request, SimClient.KEY));
        }
        BatchClient client = start(SimulatorConfig.defaults());

        // when
        JsonNode batch = client.batch(client.submitted(BatchClient.line("slot-7", request) + "\n"));
        JsonNode body =
                client.lines(batch.get("output_file_id").asString()).get(0).at("/response/body");

        // then
        assertThat(body.at("/choices/0/message/content")).isEqualTo(synchronous.at("/choices/0/message/content"));
        assertThat(body.at("/choices/0/finish_reason")).isEqualTo(synchronous.at("/choices/0/finish_reason"));
        assertThat(body.at("/usage/prompt_tokens")).isEqualTo(synchronous.at("/usage/prompt_tokens"));
        assertThat(body.at("/usage/completion_tokens")).isEqualTo(synchronous.at("/usage/completion_tokens"));
        assertThat(body.at("/usage/completion_tokens_details/reasoning_tokens").asInt())
                .isEqualTo(256)
                .isEqualTo(synchronous
                        .at("/usage/completion_tokens_details/reasoning_tokens")
                        .asInt());
        assertThat(simulator.batchBilled().get(MODEL).reasoning()).isEqualTo(256);
    }

    @Test
    void aBatchMovesThroughItsStatesOnTheClockAndCountsItsLinesAsTheyRun() {
        // given
        TestClock clock = TestClock.manual();
        BatchClient client = start(SimulatorConfig.defaults()
                .withClock(clock)
                .withBatchTiming(new BatchTiming(
                        Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ZERO)));
        String batchId = client.submitted(BatchClient.jsonl(MODEL, 3));
        long start = TestClock.MANUAL_START.getEpochSecond();

        // when / then
        assertThat(client.batch(batchId).get("status").asString()).isEqualTo("validating");
        clock.advance(Duration.ofSeconds(10));
        JsonNode started = client.batch(batchId);
        assertThat(started.get("status").asString()).isEqualTo("in_progress");
        assertThat(started.get("in_progress_at").asLong()).isEqualTo(start + 10);
        assertThat(started.get("request_counts")).isEqualTo(counts(3, 0, 0));
        clock.advance(Duration.ofSeconds(2));
        assertThat(client.batch(batchId).get("request_counts")).isEqualTo(counts(3, 2, 0));
        clock.advance(Duration.ofSeconds(1));
        JsonNode finalizing = client.batch(batchId);
        assertThat(finalizing.get("status").asString()).isEqualTo("finalizing");
        assertThat(finalizing.get("finalizing_at").asLong()).isEqualTo(start + 13);
        assertThat(finalizing.get("output_file_id").isNull())
                .as("no file before the end")
                .isTrue();
        clock.advance(Duration.ofSeconds(5));
        JsonNode completed = client.batch(batchId);
        assertThat(completed.get("status").asString()).isEqualTo("completed");
        assertThat(completed.get("completed_at").asLong()).isEqualTo(start + 18);
        assertThat(completed.get("request_counts")).isEqualTo(counts(3, 3, 0));
        assertThat(client.lines(completed.get("output_file_id").asString())).hasSize(3);
    }

    @Test
    void aCancelledBatchKeepsTheLinesAlreadyRunAndListsTheRestAsCancelled() {
        // given: two of five lines run
        TestClock clock = TestClock.manual();
        BatchClient client = start(SimulatorConfig.defaults()
                .withClock(clock)
                .withBatchTiming(
                        new BatchTiming(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(30))));
        String batchId = client.submitted(BatchClient.jsonl(MODEL, 5));
        clock.advance(Duration.ofSeconds(2));

        // when
        JsonNode cancelling = SimClient.json(client.cancel(batchId));
        clock.advance(Duration.ofSeconds(10));
        JsonNode stillCancelling = client.batch(batchId);
        clock.advance(Duration.ofSeconds(20));
        JsonNode cancelled = client.batch(batchId);
        HttpResponse<String> again = client.cancel(batchId);

        // then
        assertThat(cancelling.get("status").asString()).isEqualTo("cancelling");
        assertThat(cancelling.get("cancelling_at").asLong()).isEqualTo(TestClock.MANUAL_START.getEpochSecond() + 2);
        assertThat(stillCancelling.get("status").asString()).isEqualTo("cancelling");
        assertThat(stillCancelling.at("/request_counts/completed").asInt()).isEqualTo(2);
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("cancelled_at").asLong()).isEqualTo(TestClock.MANUAL_START.getEpochSecond() + 32);
        assertThat(BatchClient.customIds(
                        client.lines(cancelled.get("output_file_id").asString())))
                .containsExactlyInAnyOrder("slot-1", "slot-2");
        List<JsonNode> errors = client.lines(cancelled.get("error_file_id").asString());
        assertThat(BatchClient.customIds(errors)).containsExactlyInAnyOrder("slot-3", "slot-4", "slot-5");
        assertThat(errors).allSatisfy(line -> {
            assertThat(line.get("response").isNull()).isTrue();
            assertThat(line.at("/error/code").asString()).isEqualTo("batch_cancelled");
            assertThat(line.at("/error/message").asString()).isNotBlank();
        });
        assertThat(again.statusCode()).as("cancelling again changes nothing").isEqualTo(200);
        assertThat(SimClient.json(again).get("status").asString()).isEqualTo("cancelled");
        assertThat(simulator.batchBilled().get(MODEL).calls()).isEqualTo(2);
        assertThat(simulator.batchCancelCount()).isEqualTo(2);
    }

    @Test
    void aBatchThatHasEndedCannotBeCancelled() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        String batchId = client.submitted(BatchClient.jsonl(MODEL, 2));
        client.poll(batchId);

        // when
        HttpResponse<String> response = client.cancel(batchId);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(response).at("/error/message").asString()).contains("completed");
        assertThat(client.batch(batchId).get("status").asString()).isEqualTo("completed");
    }

    @Test
    void cerebrasLinesHaveCerebrasBodiesAndFlatErrors() {
        // given
        BatchClient client = start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS));
        String jsonl = BatchClient.line("known", BatchClient.slotRequest(MODEL, 1)) + "\n"
                + BatchClient.line("unknown", BatchClient.slotRequest("no-such-model", 2)) + "\n";

        // when
        JsonNode batch = client.batch(client.submitted(jsonl));
        JsonNode answered = client.lines(batch.get("output_file_id").asString()).get(0);
        JsonNode refused = client.lines(batch.get("error_file_id").asString()).get(0);

        // then
        assertThat(batch.get("request_counts")).isEqualTo(counts(2, 1, 1));
        assertThat(answered.at("/response/body/time_info/total_time").isNumber())
                .isTrue();
        assertThat(answered.at("/response/body").has("x_groq")).isFalse();
        assertThat(refused.get("custom_id").asString()).isEqualTo("unknown");
        assertThat(refused.at("/response/status_code").asInt()).isEqualTo(404);
        assertThat(refused.at("/response/body/type").asString()).isEqualTo("not_found_error");
        assertThat(refused.at("/response/body/code").asString()).isEqualTo("model_not_found");
        assertThat(refused.get("error").isNull()).isTrue();
    }

    @Test
    void countersAndCustomIdsRecordEveryBatchCallUntilAReset() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        String first = client.uploaded(BatchClient.jsonl(MODEL, 2));
        String second = client.uploaded(BatchClient.line("other", BatchClient.slotRequest(MODEL, 9)) + "\n");
        client.upload("batch", "not json\n", SimClient.KEY);
        String batchId = SimClient.json(client.create(second)).get("id").asString();
        JsonNode batch = client.batch(batchId);
        client.poll(batchId);
        client.lines(batch.get("output_file_id").asString());
        client.cancel(batchId);

        // then
        assertThat(simulator.fileUploadCount()).isEqualTo(3);
        assertThat(simulator.uploadedCustomIds()).containsExactly(List.of("slot-1", "slot-2"), List.of("other"));
        assertThat(simulator.batchCreateCount()).isEqualTo(1);
        assertThat(simulator.batchedCustomIds()).containsExactly(List.of("other"));
        assertThat(simulator.batchPollCount()).isEqualTo(2);
        assertThat(simulator.fileDownloadCount()).isEqualTo(1);
        assertThat(simulator.batchCancelCount()).isEqualTo(1);
        assertThat(simulator.batchBilled()).containsOnlyKeys(MODEL);

        // when
        simulator.reset();

        // then
        assertThat(simulator.fileUploadCount()).isZero();
        assertThat(simulator.uploadedCustomIds()).isEmpty();
        assertThat(simulator.batchCreateCount()).isZero();
        assertThat(simulator.batchedCustomIds()).isEmpty();
        assertThat(simulator.batchPollCount()).isZero();
        assertThat(simulator.fileDownloadCount()).isZero();
        assertThat(simulator.batchCancelCount()).isZero();
        assertThat(simulator.batchBilled()).isEmpty();
        assertThat(client.poll(batchId).statusCode()).isEqualTo(404);
        assertThat(client.content(first).statusCode()).isEqualTo(404);
    }

    @Test
    void theInputFileCanBeDownloadedAsUploadedAndMetadataIsEchoed() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        String jsonl = BatchClient.jsonl(MODEL, 2);
        HttpResponse<String> upload = client.upload(jsonl);
        String fileId = SimClient.json(upload).get("id").asString();

        // when
        HttpResponse<String> content = client.content(fileId);
        JsonNode batch = SimClient.json(client.createWith(SimClient.JSON.writeValueAsString(Map.of(
                "input_file_id",
                fileId,
                "endpoint",
                "/v1/chat/completions",
                "completion_window",
                "7d",
                "metadata",
                Map.of("run", "42")))));

        // then
        JsonNode file = SimClient.json(upload);
        assertThat(fileId).matches("file_[0-9a-z]{26}");
        assertThat(file.get("object").asString()).isEqualTo("file");
        assertThat(file.get("purpose").asString()).isEqualTo("batch");
        assertThat(file.get("filename").asString()).isEqualTo("slots.jsonl");
        assertThat(file.get("bytes").asInt()).isEqualTo(jsonl.getBytes(StandardCharsets.UTF_8).length);
        assertThat(file.get("created_at").isNumber()).isTrue();
        assertThat(content.body()).isEqualTo(jsonl);
        assertThat(batch.at("/metadata/run").asString()).isEqualTo("42");
        assertThat(batch.get("expires_at").asLong() - batch.get("created_at").asLong())
                .isEqualTo(7 * 86_400);
    }

    private static JsonNode counts(int total, int completed, int failed) {
        return SimClient.JSON.readTree(
                "{\"total\":" + total + ",\"completed\":" + completed + ",\"failed\":" + failed + "}");
    }

    private static long sum(List<JsonNode> lines, String usagePointer) {
        return lines.stream()
                .mapToLong(line -> line.at("/response/body" + usagePointer).asLong())
                .sum();
    }

    private BatchClient start(SimulatorConfig config) {
        simulator = Simulator.start(config);
        return new BatchClient(simulator);
    }
}
