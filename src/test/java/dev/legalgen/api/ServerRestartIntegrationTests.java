package dev.legalgen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.LegalDatasetApplication;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The status of a batch survives a restart of the server: it is read from the JobRepository. */
class ServerRestartIntegrationTests {

    /** Kept open between the two servers by DB_CLOSE_DELAY=-1, as a file or server database would be. */
    private static final String DATABASE = "jdbc:h2:mem:server-restart;DB_CLOSE_DELAY=-1";

    @Test
    void aSecondServerReportsTheBatchTheFirstOneRan() {
        // given: a first server ran a batch to completion and was shut down
        long executionId;
        try (ConfigurableApplicationContext first = serve()) {
            ApiClient api = new ApiClient(port(first));
            executionId = api.post("/api/generate/batch/start", """
                    {"target_count": 20, "provider": "simulator", "dataset": "api-restart"}""")
                    .body()
                    .get("execution_id")
                    .asLong();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !api.get("/api/generate/batch/status?execution_id=" + executionId)
                            .body()
                            .get("running")
                            .asBoolean());
        }

        // when
        JsonNode status;
        try (ConfigurableApplicationContext second = serve()) {
            status = new ApiClient(port(second))
                    .get("/api/generate/batch/status?execution_id=" + executionId)
                    .body();
        }

        // then: everything from the repository, the chain as saved when the execution ended
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("running").asBoolean()).isFalse();
        assertThat(status.at("/samples/committed").asLong()).isEqualTo(20);
        assertThat(status.at("/counts/written").asLong()).isEqualTo(20);
        assertThat(status.at("/provider/live").asBoolean()).isFalse();
        assertThat(status.at("/provider/current_provider").asString()).isEqualTo("simulator");
        assertThat(status.at("/provider/samples_generated").asLong()).isEqualTo(20);
    }

    private static ConfigurableApplicationContext serve() {
        return new SpringApplicationBuilder(LegalDatasetApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--spring.datasource.url=" + DATABASE, "--legalgen.job.chain=simulator");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
