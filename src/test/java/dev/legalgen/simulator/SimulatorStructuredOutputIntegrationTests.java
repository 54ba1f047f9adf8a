package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** json_schema requests, their refusals in each dialect, answers cut off at their budget, and what the log records. */
class SimulatorStructuredOutputIntegrationTests {

    private static final String MODEL = "legal-sim-large";
    private static final Map<String, Object> SCHEMA = Map.of(
            "type",
            "object",
            "properties",
            Map.of("question", Map.of("type", "string"), "pattern", Map.of("type", "string")),
            "required",
            List.of("question", "pattern"),
            "additionalProperties",
            false);

    private Simulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void takesAJsonSchemaRequestAndLogsWhatItAskedFor() {
        // given
        SimClient client = start(SimulatorConfig.defaults());

        // when: a schema (with a property named like a keyword), a budget and a reasoning effort
        HttpResponse<String> response =
                client.post(body(jsonSchema("legal_sample", SCHEMA), 700, "low"), SimClient.KEY);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.requests()).singleElement().satisfies(seen -> {
            assertThat(seen.responseFormat()).isEqualTo("json_schema");
            assertThat(seen.maxCompletionTokens()).isEqualTo(700);
            assertThat(seen.reasoningEffort()).isEqualTo("low");
        });
    }

    @Test
    void aModelWithoutJsonSchemaAnswersGroqsRefusal() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withoutJsonSchema(MODEL));

        // when
        HttpResponse<String> refused = client.post(body(jsonSchema("legal_sample", SCHEMA), 512, null), SimClient.KEY);
        HttpResponse<String> jsonMode = client.chat(MODEL);

        // then: the observed message, the param that tells it, and JSON mode still served
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .isEqualTo("{\"error\":{\"message\":\"This model does not support response format `json_schema`. See"
                        + " supported models at https://console.groq.com/docs/structured-outputs#supported-models\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"response_format\"}}");
        assertThat(jsonMode.statusCode()).isEqualTo(200);
        assertThat(simulator.requests())
                .extracting(SeenRequest::status, SeenRequest::responseFormat)
                .containsExactly(tuple(400, "json_schema"), tuple(200, "json_object"));
    }

    @Test
    void aModelWithoutJsonSchemaAnswersInCerebrasFlatShapeWithItsCode() {
        // given
        SimClient client =
                start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS).withoutJsonSchema(MODEL));

        // when
        JsonNode error =
                SimClient.json(client.post(body(jsonSchema("legal_sample", SCHEMA), 512, null), SimClient.KEY));

        // then
        assertThat(error.get("param").asString()).isEqualTo("response_format");
        assertThat(error.get("code").asString()).isEqualTo("wrong_api_format");
        assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
    }

    @Test
    void aSchemaWithKeywordsStrictModeRefusesIsAnsweredWithThem() {
        // given: minItems and format, where keywords stand
        SimClient client = start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS));
        Map<String, Object> schema = new LinkedHashMap<>(SCHEMA);
        schema.put(
                "properties",
                Map.of(
                        "tags", Map.of("type", "array", "minItems", 1, "items", Map.of("type", "string")),
                        "date", Map.of("type", "string", "format", "date")));

        // when
        HttpResponse<String> response = client.post(body(jsonSchema("legal_sample", schema), 512, null), SimClient.KEY);

        // then: Cerebras' observed body
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo(
                        "{\"message\":\"Unsupported JSON schema fields: {'format', 'minItems'}\","
                                + "\"type\":\"invalid_request_error\",\"param\":\"response_format\",\"code\":\"wrong_api_format\"}");
    }

    @Test
    void aJsonSchemaWithoutANameIsABadRequest() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS));

        // when
        JsonNode error = SimClient.json(client.post(
                body(Map.of("type", "json_schema", "json_schema", Map.of("schema", SCHEMA)), 512, null),
                SimClient.KEY));

        // then: the validation 400, not a refusal of the format
        assertThat(error.get("param").asString()).isEqualTo("validation_error");
    }

    @Test
    void anAnswerLongerThanTheBudgetIsCutOffThereAndSaysSo() {
        // given: the answer takes 1,000 tokens
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forModel(MODEL).always(Fault.truncatedBelow(1000));

        // when: once with 512 tokens allowed, once with 1,000
        JsonNode cut = SimClient.json(client.post(body(Map.of("type", "json_object"), 512, null), SimClient.KEY));
        HttpResponse<String> whole = client.post(body(Map.of("type", "json_object"), 1000, null), SimClient.KEY);

        // then: finish_reason length, the budget used up, half an object; then the whole answer
        assertThat(cut.at("/choices/0/finish_reason").asString()).isEqualTo("length");
        assertThat(cut.at("/usage/completion_tokens").asInt()).isEqualTo(512);
        assertThatThrownBy(() -> SimClient.JSON.readTree(
                        cut.at("/choices/0/message/content").asString()))
                .isInstanceOf(JacksonException.class);
        assertThat(SimClient.json(whole).at("/choices/0/finish_reason").asString())
                .isEqualTo("stop");
        assertThat(SimClient.content(whole).has("case_citation")).isTrue();
    }

    @Test
    void groqsJsonValidateFailedComesCutOffOrComplete() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator
                .faults()
                .forModel(MODEL)
                .next(Fault.status(400, "json_validate_failed_truncated"))
                .next(Fault.status(400, "json_validate_failed"));

        // when
        String cut = SimClient.json(client.chat(MODEL))
                .at("/error/failed_generation")
                .asString();
        String complete = SimClient.json(client.chat(MODEL))
                .at("/error/failed_generation")
                .asString();

        // then: the one ends inside the object, the other closes it
        assertThat(cut).startsWith("{").doesNotContain("}");
        assertThat(complete).contains("{").endsWith("}");
    }

    private SimClient start(SimulatorConfig config) {
        simulator = Simulator.start(config.withModels(MODEL));
        return new SimClient(simulator);
    }

    private static Map<String, Object> jsonSchema(String name, Map<String, Object> schema) {
        return Map.of("type", "json_schema", "json_schema", Map.of("name", name, "strict", true, "schema", schema));
    }

    private static String body(Map<String, Object> responseFormat, int maxCompletionTokens, String reasoningEffort) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", MODEL);
        body.put(
                "messages",
                List.of(Map.of("role", "user", "content", SimClient.prompt("Contract Law", "Formation", "advanced"))));
        body.put("response_format", responseFormat);
        body.put("max_completion_tokens", maxCompletionTokens);
        if (reasoningEffort != null) {
            body.put("reasoning_effort", reasoningEffort);
        }
        return SimClient.JSON.writeValueAsString(body);
    }
}
