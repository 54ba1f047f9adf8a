package dev.legalgen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.SimulatedProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * When the providers fail, the REST answers give the cause that decided it (route, category, what the provider
 * said or what happened on the wire, the fix), over real HTTP: {@code locked} is a simulator that refuses the
 * configured key, {@code gone} a base URL where nothing listens.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:provider-failure-api;DB_CLOSE_DELAY=-1",
            "legalgen.chain.initial-backoff=10ms",
            "legalgen.chain.max-backoff=20ms",
            "legalgen.job.retry-delay=10ms"
        })
class ProviderFailureApiIntegrationTests {

    private static final Simulator LOCKED =
            Simulator.start(SimulatorConfig.defaults().withApiKey("right-key"));
    private static final String GONE_URL = "http://127.0.0.1:" + closedPort() + "/v1";

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        SimulatedProviders.register(registry, "locked", LOCKED, "wrong-key", "legal-sim-large");
        registry.add("legalgen.providers.gone.base-url", () -> GONE_URL);
        registry.add("legalgen.providers.gone.api-key", () -> "gone-key");
        registry.add("legalgen.providers.gone.models", () -> "legal-sim-large");
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aSampleFromAnUnreachableProviderIs502NamingTheUrlAndTheRefusedConnection() {
        // when
        ApiClient.Response response = api.post("/api/generate", """
                {"practice_area": "Tort Law", "provider": "gone"}""");

        // then: a network problem, said as one (not a key or model to fix), with the address tried
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("category").asString()).isEqualTo("connection_error");
        assertThat(response.body().get("detail").asString())
                .contains("gone:legal-sim-large")
                .contains("connection_error: cannot reach gone at " + GONE_URL + " (connection refused): check"
                        + " legalgen.providers.gone.base-url and the network")
                .doesNotContain(": null")
                .doesNotContain("keys/models")
                .doesNotContain("gone-key");
    }

    @Test
    void aSampleFromAProviderThatRefusesTheKeyIs502WithTheProvidersWordsAndTheFix() {
        // when
        ApiClient.Response response = api.post("/api/generate", """
                {"practice_area": "Tort Law", "provider": "locked"}""");

        // then
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.body().get("category").asString()).isEqualTo("authentication");
        assertThat(response.body().get("detail").asString())
                .contains("locked:legal-sim-large authentication: locked rejected the API key (401 invalid_api_key:"
                        + " \"Invalid API Key\"): set LOCKED_API_KEY (or legalgen.providers.locked.api-key)")
                .doesNotContain("wrong-key");
    }

    @Test
    void aBatchOnAnUnreachableProviderFailsWithTheCauseAsItsExitDescription() {
        // given
        long executionId = api.post("/api/generate/batch/start", """
                {"target_count": 20, "provider": "gone", "dataset": "api-unreachable"}""")
                .body()
                .get("execution_id")
                .asLong();

        // when
        JsonNode status = awaitEnd(executionId);

        // then: the cause, as the command line's exit line gives it; the provider among those out
        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("exit_description").asString())
                .isEqualTo("no provider route left: gone:legal-sim-large connection_error: cannot reach gone at "
                        + GONE_URL + " (connection refused): check legalgen.providers.gone.base-url and the network");
        assertThat(status.at("/provider/providers_out/gone").asString()).contains("connection refused");
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

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
