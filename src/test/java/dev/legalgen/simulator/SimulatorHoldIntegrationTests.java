package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Held requests: what the process tests keep a run in progress with, released when the test has acted. */
class SimulatorHoldIntegrationTests {

    private static final String MODEL = "legal-sim-large";

    private final Simulator simulator =
            Simulator.start(SimulatorConfig.defaults().withApiKey(SimClient.KEY));
    private final SimClient client = new SimClient(simulator);
    private final ExecutorService callers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        simulator.close();
    }

    @Test
    void requestsAfterThePassingOnesAreSeenButNotAnsweredUntilReleased() throws Exception {
        // given
        simulator.holdRequestsAfter(1);

        // when
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(callers.submit(() -> client.chat(MODEL)));
        }

        // then: one answered, two seen and held
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.heldRequestCount() == 2);
        assertThat(simulator.requestCount()).isEqualTo(3);
        assertThat(simulator.requests())
                .extracting(SeenRequest::status)
                .containsExactlyInAnyOrder(200, SeenRequest.NO_RESPONSE, SeenRequest.NO_RESPONSE);

        // when
        simulator.releaseRequests();

        // then: every one answered, and a later one is not held
        for (Future<HttpResponse<String>> response : responses) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(client.chat(MODEL).statusCode()).isEqualTo(200);
        assertThat(simulator.heldRequestCount()).isZero();
    }

    @Test
    void releasingTheHeldRequestsKeepsHoldingTheOnesAfterThem() throws Exception {
        // given: two requests held
        simulator.holdRequests();
        List<Future<HttpResponse<String>>> first = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            first.add(callers.submit(() -> client.chat(MODEL)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.heldRequestCount() == 2);

        // when
        simulator.releaseHeldRequests();

        // then: those two are answered, the next one waits until the release
        for (Future<HttpResponse<String>> response : first) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        Future<HttpResponse<String>> later = callers.submit(() -> client.chat(MODEL));
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.heldRequestCount() == 1);
        assertThat(later).isNotDone();
        simulator.releaseRequests();
        assertThat(later.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aRejectedRequestIsAnsweredAtOnceWhileOthersAreHeld() {
        // given
        simulator.holdRequests();

        // when
        HttpResponse<String> rejected = client.post(SimClient.body(MODEL, "hi"), "wrong key");
        HttpResponse<String> unknownModel = client.chat("no-such-model");

        // then: only a request that would be answered waits
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(unknownModel.statusCode()).isEqualTo(404);
        assertThat(simulator.heldRequestCount()).isZero();
    }

    @Test
    void resetReleasesTheHold() throws Exception {
        // given a held request
        simulator.holdRequests();
        Future<HttpResponse<String>> held = callers.submit(() -> client.chat(MODEL));
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.heldRequestCount() == 1);

        // when
        simulator.reset();

        // then
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(client.chat(MODEL).statusCode()).isEqualTo(200);
    }
}
