package dev.legalgen.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Bad requests are 400 problem details naming the field and the allowed values; one sample on request. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:batch-api;DB_CLOSE_DELAY=-1", "legalgen.job.chain=simulator"})
class ApiRequestsIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aTargetCountOfZeroIsRejectedNamingTheFieldAndTheRange() {
        // when
        ApiClient.Response response = api.post("/api/generate/batch/start", """
                {"target_count": 0, "provider": "simulator", "dataset": "bad-count"}""");

        // then
        assertProblem(response, 400, "target_count");
        assertThat(response.body().get("detail").asString()).contains("1 to 1000000");
    }

    @Test
    void anUnknownPracticeAreaIsRejectedListingTheKnownOnes() {
        // when
        ApiClient.Response response = api.post("/api/generate/batch/start", """
                {"target_count": 20, "provider": "simulator", "practice_areas": ["Space Law"]}""");

        // then
        assertProblem(response, 400, "practice_areas");
        assertThat(response.body().get("detail").asString())
                .contains("Space Law")
                .contains("Contract Law");
    }

    @Test
    void anUnknownProviderIsRejectedListingEveryProviderAChainMayName() {
        // when
        ApiClient.Response response = api.post("/api/generate/batch/start", """
                {"target_count": 20, "provider": "acme"}""");

        // then: the built-in simulator too, which is set up only when a chain names it
        assertProblem(response, 400, "provider");
        assertThat(response.body().get("detail").asString())
                .contains("'acme'")
                .endsWith("known providers: groq, cerebras, simulator");
    }

    @Test
    void aValueOfTheWrongKindIsRejectedByItsFieldAndTheKindItMustBe() {
        // when / then: in the client's terms, never Jackson's Java types
        assertWrongKind("/api/generate/batch/start", "{\"target_count\": \"ten\"}", "target_count", "a whole number");
        assertWrongKind("/api/generate/batch/start", "{\"target_count\": 2.5}", "target_count", "a whole number");
        assertWrongKind("/api/generate/batch/start", "{\"target_count\": true}", "target_count", "a whole number");
        assertWrongKind(
                "/api/generate/batch/start", "{\"target_count\": 99999999999}", "target_count", "a whole number");
        assertWrongKind(
                "/api/generate/batch/start",
                "{\"practice_areas\": \"Tort Law\"}",
                "practice_areas",
                "a list of strings");
        assertWrongKind("/api/generate/batch/start", "{\"provider\": [\"simulator\"]}", "provider", "a string");
        assertWrongKind("/api/generate/batch/start", "{\"dataset\": {}}", "dataset", "a string");
        assertWrongKind("/api/generate/batch/start", "{\"run_id\": [\"a\"]}", "run_id", "a string");
        assertWrongKind("/api/generate/batch/stop", "{\"execution_id\": \"last\"}", "execution_id", "a whole number");
        assertWrongKind("/api/generate", "{\"practice_area\": [\"Tort Law\"]}", "practice_area", "a string");
    }

    @Test
    void anUnknownModelIsRejectedListingTheProvidersModels() {
        // when
        ApiClient.Response response = api.post("/api/generate/batch/start", """
                {"target_count": 20, "provider": "simulator", "model": "gpt-9"}""");

        // then
        assertProblem(response, 400, "model");
        assertThat(response.body().get("detail").asString()).contains("legal-sim-large");
    }

    @Test
    void anUnknownFieldIsRejectedByName() {
        // when
        ApiClient.Response response = api.post("/api/generate/batch/start", """
                {"targetCount": 20, "provider": "simulator"}""");

        // then
        assertProblem(response, 400, "targetCount");
    }

    @Test
    void generateReturnsOneSampleFromTheSimulatorWithoutStoringIt() {
        // given
        int stored = api.get("/api/samples?limit=500").body().size();

        // when
        ApiClient.Response response = api.post("/api/generate", """
                {"practice_area": "Contract Law", "difficulty": "advanced", "provider": "simulator"}""");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("success").asBoolean()).isTrue();
        JsonNode sample = response.body().get("sample");
        assertThat(sample.get("id").asString()).startsWith("simulator_");
        assertThat(sample.get("provider").asString()).isEqualTo("simulator");
        assertThat(sample.get("model").asString()).startsWith("legal-sim-");
        assertThat(sample.get("practice_area").asString()).isEqualTo("Contract Law");
        assertThat(sample.get("topic").asString()).startsWith("Contract Law - ");
        assertThat(sample.get("difficulty").asString()).isEqualTo("advanced");
        assertThat(sample.get("tokens_used").asInt()).isPositive();
        for (String field : new String[] {"question", "answer", "reasoning", "case_citation"}) {
            assertThat(sample.get(field).asString()).isNotBlank();
        }
        assertThat(api.get("/api/samples?limit=500").body().size()).isEqualTo(stored);
    }

    @Test
    void generateRejectsAnUnknownPracticeAreaWithoutATopicToGenerate() {
        // when
        ApiClient.Response response = api.post("/api/generate", """
                {"practice_area": "Space Law", "provider": "simulator"}""");

        // then
        assertProblem(response, 400, "practice_area");
        assertThat(response.body().get("detail").asString())
                .contains("Space Law")
                .contains("give a topic")
                .contains("Contract Law");
    }

    @Test
    void generateRequiresAPracticeArea() {
        // when
        ApiClient.Response response = api.post("/api/generate", """
                {"topic": "Negligence", "provider": "simulator"}""");

        // then
        assertProblem(response, 400, "practice_area");
        assertThat(response.body().get("detail").asString()).contains("required");
    }

    @Test
    void generateRejectsADifficultyOutsideTheThreeListingThem() {
        // when: one of the seed's five levels that the prompts have no guidance for
        ApiClient.Response response = api.post("/api/generate", """
                {"practice_area": "Tort Law", "topic": "Negligence", "difficulty": "expert", "provider": "simulator"}""");

        // then
        assertProblem(response, 400, "difficulty");
        assertThat(response.body().get("detail").asString()).contains("basic, intermediate, advanced");
    }

    @Test
    void generateRejectsATopicThatIsNotOneShortLine() {
        // when
        ApiClient.Response tooLong = api.post(
                "/api/generate",
                "{\"practice_area\": \"Tort Law\", \"topic\": \"" + "x".repeat(GenerateRequest.MAX_LABEL_LENGTH + 1)
                        + "\", \"provider\": \"simulator\"}");
        ApiClient.Response twoLines = api.post("/api/generate", """
                {"practice_area": "Tort Law", "topic": "Negligence\\nDifficulty: advanced", "provider": "simulator"}""");

        // then
        assertProblem(tooLong, 400, "topic");
        assertProblem(twoLines, 400, "topic");
    }

    @Test
    void healthIsHealthyWithTheSeedsFieldsTheDatabaseAndTheProviders() {
        // when
        ApiClient.Response response = api.get("/api/health");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("status").asString()).isEqualTo("healthy");
        assertThat(response.body().get("groq_configured").asBoolean())
                .as("no GROQ_API_KEY here")
                .isFalse();
        assertThat(response.body().get("database").asString()).startsWith("H2");
        assertThat(response.body().at("/providers/simulator").asString()).startsWith("usable");
        assertThat(response.body().at("/providers/groq").asString()).startsWith("no key");
    }

    private void assertWrongKind(String path, String body, String field, String kind) {
        ApiClient.Response response = api.post(path, body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("field").asString()).as(body).isEqualTo(field);
        assertThat(response.body().get("detail").asString()).as(body).isEqualTo(field + " must be " + kind);
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("detail").asString()).startsWith(field + ":");
    }
}
