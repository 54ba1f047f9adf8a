package dev.legalgen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Actuator health with the providers component, and the Prometheus scrape with the chain's and Batch's meters. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:batch-api;DB_CLOSE_DELAY=-1", "legalgen.job.chain=simulator"})
class ActuatorIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWithTheDatabaseAndTheProvidersComponent() {
        // when
        ApiClient.Response health = new ApiClient(port).get("/actuator/health");

        // then
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.body().at("/components/providers/status").asString()).isEqualTo("UP");
        assertThat(health.body()
                        .at("/components/providers/details/providers/simulator")
                        .asString())
                .startsWith("usable");
    }

    @Test
    void prometheusShowsSamplesCallsTokensAndBatchMetersAfterABatch() {
        // given
        ApiClient api = new ApiClient(port);
        long executionId = api.post("/api/generate/batch/start", """
                {"target_count": 20, "provider": "simulator", "dataset": "api-metrics"}""")
                .body()
                .get("execution_id")
                .asLong();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !api.get("/api/generate/batch/status?execution_id=" + executionId)
                        .body()
                        .get("running")
                        .asBoolean());

        // when
        ApiClient.Response scrape = api.get("/actuator/prometheus");

        // then
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.text())
                .containsPattern("(?m)^legalgen_samples_total \\d+")
                .containsPattern("legalgen_provider_calls_total\\{[^}]*outcome=\"success\"[^}]*provider=\"simulator\"")
                .containsPattern("legalgen_tokens_total\\{provider=\"simulator\"}")
                .contains("spring_batch_job");
    }

    @Test
    void onlyHealthInfoMetricsAndPrometheusAreExposed() {
        // when
        ApiClient.Response env = new ApiClient(port).get("/actuator/env");

        // then
        assertThat(env.status()).isEqualTo(404);
    }
}
