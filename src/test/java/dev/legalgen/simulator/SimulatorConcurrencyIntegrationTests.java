package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorConcurrencyIntegrationTests {

    private Simulator simulator;
    private ExecutorService callers;

    @AfterEach
    void stop() {
        callers.shutdownNow();
        simulator.close();
    }

    @Test
    void twoHundredRequestsFromFiftyThreadsAreAllAnswered() throws Exception {
        // given
        simulator = Simulator.start(SimulatorConfig.defaults());
        SimClient client = new SimClient(simulator);
        callers = Executors.newFixedThreadPool(50);
        List<Future<Integer>> statuses = new ArrayList<>();

        // when
        for (int i = 0; i < 200; i++) {
            String model = i % 2 == 0 ? "legal-sim-large" : "legal-sim-small";
            String body = SimClient.body(model, SimClient.prompt("Tort Law", "Negligence " + i, "basic"));
            statuses.add(callers.submit(() -> client.post(body, SimClient.KEY).statusCode()));
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }

        // then
        assertThat(answered).hasSize(200).containsOnly(200);
        assertThat(simulator.requestCount()).isEqualTo(200);
        assertThat(simulator.requestCount("legal-sim-small")).isEqualTo(100);
        assertThat(simulator.requests())
                .hasSize(200)
                .extracting(SeenRequest::status)
                .containsOnly(200);
    }
}
