package dev.legalgen.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With legalgen.api.token set, POSTs need the bearer token; reads stay open. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:api-token;DB_CLOSE_DELAY=-1",
            "legalgen.job.chain=simulator",
            "legalgen.api.token=s3cret-token"
        })
class ApiTokenIntegrationTests {

    private static final String BODY = """
            {"target_count": 20, "provider": "simulator", "dataset": "api-token"}""";

    @LocalServerPort
    int port;

    @Test
    void aPostWithoutTheTokenIs401ProblemDetail() {
        // when
        ApiClient.Response response = new ApiClient(port).post("/api/generate/batch/start", BODY);

        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString())
                .contains("Authorization: Bearer")
                .doesNotContain("s3cret");
    }

    @Test
    void aPostWithAWrongTokenIs401() {
        // when
        ApiClient.Response response = new ApiClient(port).withToken("guess").post("/api/generate/batch/start", BODY);

        // then
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aPostWithTheTokenIsAccepted() {
        // when
        ApiClient.Response response =
                new ApiClient(port).withToken("s3cret-token").post("/api/generate/batch/start", BODY);

        // then
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body().get("execution_id").asLong()).isPositive();
    }

    @Test
    void theOperatorPostsOfTheDashboardNeedTheTokenToo() {
        for (String path :
                List.of("/api/generate/batch/stop", "/api/generate/batch/restart", "/api/generate/batch/abandon")) {
            // when
            ApiClient.Response response = new ApiClient(port).post(path, "{\"execution_id\": 1}");

            // then
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.headers().get("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void readsNeedNoToken() {
        // when
        ApiClient.Response response = new ApiClient(port).get("/api/health");

        // then
        assertThat(response.status()).isEqualTo(200);
    }
}
