package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorRejectionIntegrationTests {

    private static final String GROQ_INVALID_KEY =
            "{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
    private static final String CEREBRAS_WRONG_KEY =
            "{\"message\":\"Wrong API Key\",\"type\":\"invalid_request_error\",\"param\":\"api_key\",\"code\":\"wrong_api_key\"}";

    private Simulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void groqAnswersWrongKeyWith401AndItsRealBody() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withApiKey("gsk_right"));

        // when
        HttpResponse<String> response = client.post(SimClient.body("legal-sim-large", "q"), "gsk_wrong");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(GROQ_INVALID_KEY);
        assertThat(response.headers().firstValue("x-ratelimit-limit-requests")).isPresent();
        assertThat(simulator.requests())
                .singleElement()
                .extracting(SeenRequest::status)
                .isEqualTo(401);
    }

    @Test
    void cerebrasAnswersWrongKeyWith401AndItsFlatBody() {
        // given
        SimClient client =
                start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS).withApiKey("csk-right"));

        // when
        HttpResponse<String> response = client.post(SimClient.body("legal-sim-large", "q"), "csk-wrong");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(CEREBRAS_WRONG_KEY);
        assertThat(response.headers().firstValue("x-ratelimit-limit-requests-day"))
                .isPresent();
    }

    @Test
    void configuredKeyIsAccepted() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withApiKey(SimClient.KEY));

        // when
        HttpResponse<String> response = client.chat("legal-sim-large");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void missingAuthorizationIsRefusedEvenWithoutAConfiguredKey() {
        // given
        SimClient client = start(SimulatorConfig.defaults());

        // when
        HttpResponse<String> chat = client.post(SimClient.body("legal-sim-large", "q"), null);
        HttpResponse<String> models = client.get("/models", null);

        // then
        assertThat(chat.statusCode()).isEqualTo(401);
        assertThat(chat.body()).isEqualTo(GROQ_INVALID_KEY);
        assertThat(models.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownModelIs404ModelNotFoundPerDialect() {
        // given
        SimClient groq = start(SimulatorConfig.defaults());

        // when
        HttpResponse<String> groqResponse = groq.chat("llama-3.1-8b-instant");
        simulator.close();
        SimClient cerebras = start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS));
        HttpResponse<String> cerebrasResponse = cerebras.chat("llama3.1-8b");

        // then
        assertThat(groqResponse.statusCode()).isEqualTo(404);
        assertThat(groqResponse.body())
                .isEqualTo("{\"error\":{\"message\":\"The model `llama-3.1-8b-instant` does"
                        + " not exist or you do not have access to it.\",\"type\":\"invalid_request_error\","
                        + "\"code\":\"model_not_found\"}}");
        assertThat(cerebrasResponse.statusCode()).isEqualTo(404);
        assertThat(cerebrasResponse.body())
                .isEqualTo("{\"message\":\"Model does not exist or you do not have access"
                        + " to it.\",\"type\":\"not_found_error\",\"param\":\"model\",\"code\":\"model_not_found\"}");
        assertThat(simulator.requestCount("llama3.1-8b")).isEqualTo(1);
    }

    @Test
    void malformedJsonIs400InvalidRequest() {
        // given
        SimClient client = start(SimulatorConfig.defaults());

        // when
        HttpResponse<String> response = client.post("{\"model\": \"legal-sim-large\", \"messages\": [", SimClient.KEY);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(response).at("/error/type").asString()).isEqualTo("invalid_request_error");
        assertThat(simulator.requests()).singleElement().satisfies(seen -> {
            assertThat(seen.model()).isNull();
            assertThat(seen.status()).isEqualTo(400);
        });
    }

    @Test
    void missingMessagesAndNOtherThanOneAre400() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS));
        String twoChoices = SimClient.body("legal-sim-large", "q").replaceFirst("\\{", "{\"n\":2,");

        // when
        HttpResponse<String> noMessages = client.post("{\"model\":\"legal-sim-large\"}", SimClient.KEY);
        HttpResponse<String> nTwo = client.post(twoChoices, SimClient.KEY);

        // then
        assertThat(noMessages.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(noMessages).get("code").asString()).isEqualTo("wrong_api_format");
        assertThat(nTwo.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(nTwo).get("type").asString()).isEqualTo("invalid_request_error");
    }

    @Test
    void unroutedPathIs404WithEmptyBody() {
        // given
        SimClient client = start(SimulatorConfig.defaults());

        // when
        HttpResponse<String> response = client.get("/embeddings", SimClient.KEY);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
    }

    private SimClient start(SimulatorConfig config) {
        simulator = Simulator.start(config);
        return new SimClient(simulator);
    }
}
