package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Held Batch API calls: what process tests stop a client at a precise call with. A held call is neither counted nor
 * in effect until released; one whose client leaves is forgotten.
 */
class SimulatorBatchHoldIntegrationTests {

    private static final String MODEL = "legal-sim-large";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** A line an hour: a batch stays in progress, so that it can still be cancelled. */
    private static final BatchTiming SLOW =
            new BatchTiming(Duration.ZERO, Duration.ofHours(1), Duration.ZERO, Duration.ZERO);

    private final Simulator simulator =
            Simulator.start(SimulatorConfig.defaults().withApiKey(SimClient.KEY).withBatchTiming(SLOW));
    private final BatchClient client = new BatchClient(simulator);
    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        simulator.close();
    }

    @ParameterizedTest
    @EnumSource(BatchEndpoint.class)
    void aHeldCallIsNeitherCountedNorAnsweredUntilReleased(BatchEndpoint endpoint) throws Exception {
        // given: a batch to poll, cancel and download, and the endpoint held
        String fileId = client.uploaded(BatchClient.jsonl(MODEL, 2));
        String batchId = SimClient.json(client.create(fileId)).get("id").asString();
        int before = count(endpoint);
        simulator.holdBatchCalls(endpoint, 0);

        // when
        Future<HttpResponse<String>> held =
                callers.submit(() -> call(endpoint, fileId, batchId).get());
        await().atMost(WAIT).until(() -> simulator.heldBatchCallCount() == 1);

        // then
        assertThat(count(endpoint)).as("held, not counted").isEqualTo(before);
        assertThat(held.isDone()).isFalse();

        // when
        simulator.releaseBatchCalls();

        // then
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(count(endpoint)).isEqualTo(before + 1);
        assertThat(simulator.heldBatchCallCount()).isZero();
        assertThat(call(endpoint, fileId, batchId).get().statusCode())
                .as("released: no longer held")
                .isEqualTo(200);
    }

    @Test
    void aHeldCreateCreatesNoBatchAndAHeldUploadStoresNoFile() throws Exception {
        // given
        String fileId = client.uploaded(BatchClient.jsonl(MODEL, 2));
        simulator.holdBatchCalls(BatchEndpoint.CREATE, 0);
        simulator.holdBatchCalls(BatchEndpoint.UPLOAD, 0);

        // when
        Future<HttpResponse<String>> create = callers.submit(() -> client.create(fileId));
        Future<HttpResponse<String>> upload = callers.submit(() -> client.upload(BatchClient.jsonl(MODEL, 3)));
        await().atMost(WAIT).until(() -> simulator.heldBatchCallCount() == 2);

        // then: nothing happened yet
        assertThat(SimClient.json(client.list("")).get("data")).isEmpty();
        assertThat(simulator.batchedCustomIds()).isEmpty();
        assertThat(simulator.uploadedCustomIds()).hasSize(1);

        // when
        simulator.releaseBatchCalls();

        // then
        assertThat(create.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(upload.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(SimClient.json(client.list("")).get("data")).hasSize(1);
        assertThat(simulator.uploadedCustomIds()).hasSize(2);
    }

    @Test
    void callsAfterThePassingOnesAreHeld() throws Exception {
        // given
        String batchId = client.submitted(BatchClient.jsonl(MODEL, 1));
        simulator.holdBatchCalls(BatchEndpoint.POLL, 2);

        // when
        HttpResponse<String> first = client.poll(batchId);
        HttpResponse<String> second = client.poll(batchId);
        Future<HttpResponse<String>> third = callers.submit(() -> client.poll(batchId));

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> simulator.heldBatchCallCount() == 1);
        assertThat(simulator.batchPollCount()).isEqualTo(2);
        simulator.releaseBatchCalls();
        assertThat(third.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aHeldCallWhoseClientLeavesIsForgottenAndNeverTakesEffect() throws Exception {
        // given
        String fileId = client.uploaded(BatchClient.jsonl(MODEL, 2));
        simulator.holdBatchCalls(BatchEndpoint.CREATE, 0);
        String body = SimClient.JSON.writeValueAsString(
                Map.of("input_file_id", fileId, "endpoint", "/v1/chat/completions", "completion_window", "24h"));

        // when: a client sends a create and dies while it is held
        try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/batches HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + SimClient.KEY
                            + "\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            await().atMost(WAIT).until(() -> simulator.heldBatchCallCount() == 1);
        }

        // then: the hold lets it go, and a release later creates nothing
        await().atMost(WAIT).until(() -> simulator.heldBatchCallCount() == 0);
        simulator.releaseBatchCalls();
        assertThat(simulator.batchCreateCount()).isZero();
        assertThat(simulator.batchedCustomIds()).isEmpty();
        assertThat(SimClient.json(client.list("")).get("data")).isEmpty();
    }

    @Test
    void aResetReleasesHeldCallsAndClearsTheHolds() throws Exception {
        // given
        String batchId = client.submitted(BatchClient.jsonl(MODEL, 1));
        simulator.holdBatchCalls(BatchEndpoint.POLL, 0);
        Future<HttpResponse<String>> held = callers.submit(() -> client.poll(batchId));
        await().atMost(WAIT).until(() -> simulator.heldBatchCallCount() == 1);

        // when
        simulator.reset();

        // then: it goes on in the state reset to (no such batch), and later polls are not held
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(404);
        assertThat(client.poll(batchId).statusCode()).isEqualTo(404);
        assertThat(simulator.heldBatchCallCount()).isZero();
    }

    @Test
    void closingTheSimulatorLetsAHeldCallGoWithoutAnAnswer() {
        // given
        simulator.holdBatchCalls(BatchEndpoint.LIST, 0);
        Future<HttpResponse<String>> held = callers.submit(() -> client.list(""));
        await().atMost(WAIT).until(() -> simulator.heldBatchCallCount() == 1);

        // when
        simulator.close();

        // then
        Throwable failure = catchThrowable(() -> held.get(10, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(simulator.heldBatchCallCount()).isZero();
    }

    private Supplier<HttpResponse<String>> call(BatchEndpoint endpoint, String fileId, String batchId) {
        return switch (endpoint) {
            case UPLOAD -> () -> client.upload(BatchClient.jsonl(MODEL, 1));
            case CREATE -> () -> client.create(fileId);
            case POLL -> () -> client.poll(batchId);
            case CANCEL -> () -> client.cancel(batchId);
            case DOWNLOAD -> () -> client.content(fileId);
            case LIST -> () -> client.list("");
        };
    }

    private int count(BatchEndpoint endpoint) {
        return switch (endpoint) {
            case UPLOAD -> simulator.fileUploadCount();
            case CREATE -> simulator.batchCreateCount();
            case POLL -> simulator.batchPollCount();
            case CANCEL -> simulator.batchCancelCount();
            case DOWNLOAD -> simulator.fileDownloadCount();
            case LIST -> simulator.batchListCount();
        };
    }
}
