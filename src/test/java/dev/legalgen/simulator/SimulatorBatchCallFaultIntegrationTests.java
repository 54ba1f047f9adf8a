package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults of whole Batch API calls ({@link BatchScript#nextCalls}), apart from the faults of a batch's lines. */
class SimulatorBatchCallFaultIntegrationTests {

    private static final String MODEL = "legal-sim-large";

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults());
    private final BatchClient client = new BatchClient(simulator);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void theNextCallsOfAnEndpointAreAnsweredWithTheStatusAndTheOneAfterAsUsual() {
        // given
        String batchId = client.submitted(BatchClient.jsonl(MODEL, 1));
        simulator.batchFaults().nextCalls(BatchEndpoint.POLL, 2, Fault.status(503));
        simulator.batchFaults().nextCalls(BatchEndpoint.POLL, 1, Fault.rateLimited(Duration.ofSeconds(7)));

        // when
        HttpResponse<String> first = client.poll(batchId);
        HttpResponse<String> second = client.poll(batchId);
        HttpResponse<String> third = client.poll(batchId);
        HttpResponse<String> fourth = client.poll(batchId);

        // then
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(SimClient.json(first).at("/error/code").asString()).isEqualTo("service_unavailable");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("retry-after")).hasValue("7");
        assertThat(fourth.statusCode()).isEqualTo(200);
        assertThat(simulator.batchPollCount()).isEqualTo(4);
        assertThat(client.list("").statusCode()).as("other endpoints untouched").isEqualTo(200);
    }

    @Test
    void aStatusFaultedCreateCreatesNothingWhileADroppedOneCreatesTheBatchAndLosesTheAnswer() {
        // given
        String fileId = client.uploaded(BatchClient.jsonl(MODEL, 2));
        simulator.batchFaults().nextCalls(BatchEndpoint.CREATE, 1, Fault.status(500));
        simulator.batchFaults().nextCalls(BatchEndpoint.CREATE, 1, Fault.drop());

        // when
        HttpResponse<String> refused = client.create(fileId);
        Throwable lost = org.assertj.core.api.Assertions.catchThrowable(() -> client.create(fileId));

        // then
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(lost).isInstanceOf(UncheckedIOException.class);
        assertThat(simulator.batchCreateCount()).isEqualTo(2);
        assertThat(simulator.batchedCustomIds())
                .as("only the dropped one took effect")
                .hasSize(1);
        assertThat(SimClient.json(client.list("")).at("/data/0/input_file_id").asString())
                .isEqualTo(fileId);
    }

    @Test
    void aBatchApiCallCannotBeGivenAContentFault() {
        assertThatThrownBy(() -> simulator.batchFaults().nextCalls(BatchEndpoint.POLL, 1, Fault.malformedJson()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Status, Drop or Delay");
    }
}
