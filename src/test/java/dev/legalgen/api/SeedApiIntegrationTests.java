package dev.legalgen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.legalgen.simulator.Dialect;
import dev.legalgen.simulator.SeenRequest;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.SimulatedProviders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The requests the seed documents, byte for byte, against a provider named {@code groq} that is a
 * simulator speaking Groq's dialect over HTTP: they are taken and answered in the seed's shapes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:seed-api;DB_CLOSE_DELAY=-1"})
class SeedApiIntegrationTests {

    static final String SEED_ID = "^groq_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    static final Simulator GROQ = Simulator.start(SimulatorConfig.defaults()
            .withDialect(Dialect.GROQ)
            .withModels("openai/gpt-oss-120b", "openai/gpt-oss-20b")
            .withApiKey("groq-test-key"));

    @DynamicPropertySource
    static void groq(DynamicPropertyRegistry registry) {
        SimulatedProviders.register(registry, "groq", GROQ, "groq-test-key", "openai/gpt-oss-120b,openai/gpt-oss-20b");
    }

    @AfterAll
    static void stopSimulator() {
        GROQ.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        GROQ.reset();
    }

    @Test
    void theSeedsGenerateRequestOnATopicOutsideTheCatalogAnswersTheSeedsEnvelope() {
        // given
        long stored = storedSamples();

        // when
        ApiClient.Response response = api.post(
                "/api/generate",
                "{\"practice_area\":\"Tort Law\",\"topic\":\"Negligence\",\"difficulty\":\"basic\",\"provider\":\"groq\"}");

        // then: the seed's envelope
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.get("success").isBoolean()).isTrue();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("tokens_used").isIntegralNumber()).isTrue();
        assertThat(body.get("tokens_used").asInt()).isPositive();
        assertThat(body.get("elapsed").isFloatingPointNumber())
                .as("seconds as a decimal number")
                .isTrue();
        assertThat(body.get("elapsed").asDouble()).isPositive().isLessThan(30.0);

        // and the seed's sample fields, then ours
        JsonNode sample = body.get("sample");
        assertThat(sample.isObject()).isTrue();
        assertThat(sample.get("id").asString()).matches(SEED_ID);
        assertThat(sample.get("provider").asString()).isEqualTo("groq");
        assertThat(sample.get("model").asString()).isEqualTo("openai/gpt-oss-120b");
        Instant created = Instant.parse(sample.get("created_at").asString());
        assertThat(Instant.parse(sample.get("updated_at").asString())).isEqualTo(created);
        assertThat(created).isBetween(Instant.now().minusSeconds(60), Instant.now());
        for (String field : new String[] {"question", "answer", "reasoning", "case_citation"}) {
            assertThat(sample.get(field).isString()).as(field).isTrue();
            assertThat(sample.get(field).asString()).as(field).isNotBlank();
        }
        assertThat(sample.get("topic").asString()).isEqualTo("Tort Law - Negligence");
        assertThat(sample.get("difficulty").asString()).isEqualTo("basic");
        assertThat(sample.get("practice_area").asString()).isEqualTo("Tort Law");
        assertThat(sample.get("tokens_used").asInt())
                .isEqualTo(body.get("tokens_used").asInt());
        assertThat(sample.get("latency_ms").isIntegralNumber()).isTrue();
        assertThat(sample.has("batch_id")).as("not stored, so in no batch").isFalse();

        // and the provider was asked for exactly that, once; nothing was stored
        assertThat(GROQ.requests())
                .extracting(SeenRequest::practiceArea, SeenRequest::topic, SeenRequest::difficulty)
                .containsExactly(tuple("Tort Law", "Negligence", "basic"));
        assertThat(storedSamples()).isEqualTo(stored);
    }

    @Test
    void theSeedsHealthRequestAnswersTheSeedsFieldsBesideOurs() {
        // when
        ApiClient.Response response = api.get("/api/health");

        // then
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.get("status").asString()).isEqualTo("healthy");
        assertThat(body.get("dataset_exists").isBoolean()).isTrue();
        assertThat(body.get("dataset_exists").asBoolean()).isEqualTo(storedSamples() > 0);
        assertThat(body.get("groq_configured").isBoolean()).isTrue();
        assertThat(body.get("groq_configured").asBoolean()).isTrue();
        assertThat(body.get("batch_generation_running").isBoolean()).isTrue();
        assertThat(body.get("batch_generation_running").asBoolean()).isFalse();
        assertThat(body.get("database").asString()).startsWith("H2");
        assertThat(body.at("/providers/groq").asString()).isEqualTo("usable");
    }

    @Test
    void theSeedsBatchStartRequestRunsAGroqBatchOnTheNamedModel() {
        // when, with the provider holding its answers until the run has been seen
        GROQ.holdRequests();
        ApiClient.Response started;
        try {
            started = api.post(
                    "/api/generate/batch/start",
                    "{\"target_count\": 10, \"provider\": \"groq\", \"model\": \"openai/gpt-oss-20b\"}");

            // then: taken, and seen running by the seed's health field while it runs
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            assertThat(started.body().get("message").asString()).contains("launched");
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> api.get("/api/health")
                            .body()
                            .get("batch_generation_running")
                            .asBoolean());
        } finally {
            GROQ.releaseRequests();
        }
        JsonNode status = awaitEnd(started.body().get("execution_id").asLong());
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("chain").asString()).isEqualTo("groq:openai/gpt-oss-20b");

        // and ten rows with the seed's ids, all from the named model, which the provider saw ten times
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, model FROM legal_sample WHERE job_instance_id = ?",
                status.get("instance_id").asLong());
        assertThat(rows).hasSize(10);
        assertThat(rows).allSatisfy(row -> {
            assertThat((String) row.get("ID")).matches(SEED_ID);
            assertThat(row.get("MODEL")).isEqualTo("openai/gpt-oss-20b");
        });
        assertThat(GROQ.requestCount("openai/gpt-oss-20b")).isEqualTo(10);
        assertThat(GROQ.requestCount()).isEqualTo(10);

        // and the seed's health fields follow
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !api.get("/api/health")
                        .body()
                        .get("batch_generation_running")
                        .asBoolean());
        assertThat(api.get("/api/health").body().get("dataset_exists").asBoolean())
                .isTrue();
    }

    @Test
    void aPracticeAreaOutsideTheCatalogIsTakenWhenATopicIsGiven() {
        // when: one of the seed's own areas, which the built-in catalog does not have
        ApiClient.Response response = api.post("/api/generate", """
                {"practice_area": "Company Law", "topic": "Directors Duties", "provider": "groq"}""");

        // then
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().at("/sample/practice_area").asString()).isEqualTo("Company Law");
        assertThat(response.body().at("/sample/topic").asString()).isEqualTo("Company Law - Directors Duties");
        assertThat(response.body().at("/sample/difficulty").asString()).isEqualTo("intermediate");
        assertThat(GROQ.requests()).extracting(SeenRequest::topic).containsExactly("Directors Duties");
    }

    @Test
    void namesOfTheCatalogTakeItsSpelling() {
        // when
        ApiClient.Response response = api.post("/api/generate", """
                {"practice_area": " tort law", "topic": "DUTY OF CARE ", "provider": "groq"}""");

        // then: labels that match the batches' samples
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().at("/sample/practice_area").asString()).isEqualTo("Tort Law");
        assertThat(response.body().at("/sample/topic").asString()).isEqualTo("Tort Law - Duty of Care");
    }

    @Test
    void theSeedsModelFieldPinsTheSingleSamplesModel() {
        // when
        ApiClient.Response response = api.post("/api/generate", """
                {"practice_area": "Tort Law", "topic": "Negligence", "provider": "groq", "model": "openai/gpt-oss-20b"}""");

        // then
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().at("/sample/model").asString()).isEqualTo("openai/gpt-oss-20b");
        assertThat(GROQ.requestCount("openai/gpt-oss-20b")).isEqualTo(1);
        assertThat(GROQ.requestCount()).isEqualTo(1);
    }

    private long storedSamples() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM legal_sample", Long.class);
        return count == null ? 0 : count;
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
}
