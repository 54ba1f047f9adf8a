package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class SimulatorFaultIntegrationTests {

    private static final String MODEL = "legal-sim-large";

    private Simulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "Groq {0} {1} -> type {2}, code {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "400, null,                 invalid_request_error, null",
                "400, json_validate_failed, invalid_request_error, json_validate_failed",
                "400, model_decommissioned, invalid_request_error, model_decommissioned",
                "401, null,                 invalid_request_error, invalid_api_key",
                "402, null,                 payment_required_error, payment_required",
                "403, null,                 permission_error,      permission_denied",
                "404, null,                 invalid_request_error, model_not_found",
                "413, null,                 tokens,                rate_limit_exceeded",
                "422, null,                 invalid_request_error, unprocessable_entity",
                "429, null,                 requests,              rate_limit_exceeded",
                "429, tpm,                  tokens,                rate_limit_exceeded",
                "429, tpd,                  tokens,                rate_limit_exceeded",
                "498, null,                 capacity_exceeded,     capacity_exceeded",
                "500, null,                 internal_server_error, null",
                "502, null,                 internal_server_error, bad_gateway",
                "503, over_capacity,        internal_server_error, service_unavailable",
            })
    void groqStatusFaultAnswersTheRealBody(int status, String code, String type, String errorCode) {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forModel(MODEL).next(1, new Fault.Status(status, code));

        // when
        HttpResponse<String> response = client.chat(MODEL);

        // then
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = SimClient.json(response).get("error");
        assertThat(error.get("type").asString()).isEqualTo(type);
        assertThat(error.has("code") ? error.get("code").asString() : null).isEqualTo(errorCode);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(response.headers().firstValue("retry-after").isPresent()).isEqualTo(status == 429);
        assertThat(simulator.requests())
                .singleElement()
                .extracting(SeenRequest::status)
                .isEqualTo(status);
    }

    @ParameterizedTest(name = "Cerebras {0} {1} -> type {2}, code {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "400, null,           invalid_request_error,   wrong_api_format",
                "402, null,           payment_required_error,  payment_required",
                "429, null,           too_many_requests_error, request_quota_exceeded",
                "429, tpm,            too_many_tokens_error,   token_quota_exceeded",
                "429, queue_exceeded, too_many_requests_error, queue_exceeded",
                "500, null,           internal_server_error,   internal_server_error",
            })
    void cerebrasStatusFaultAnswersTheFlatBody(int status, String code, String type, String errorCode) {
        // given
        SimClient client = start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS));
        simulator.faults().forAllModels().next(1, new Fault.Status(status, code));

        // when
        HttpResponse<String> response = client.chat(MODEL);

        // then
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = SimClient.json(response);
        assertThat(body.has("error")).isFalse();
        assertThat(body.get("type").asString()).isEqualTo(type);
        assertThat(body.get("code").asString()).isEqualTo(errorCode);
        assertThat(body.has("param")).isTrue();
    }

    @Test
    void exactBodiesOfTheObservedGroqFaults() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator
                .faults()
                .forModel(MODEL)
                .next(Fault.status(500))
                .next(Fault.status(429))
                .next(Fault.status(400, "json_validate_failed"));

        // when
        List<HttpResponse<String>> responses = List.of(client.chat(MODEL), client.chat(MODEL), client.chat(MODEL));

        // then
        assertThat(responses.get(0).body())
                .isEqualTo("{\"error\":{\"message\":\"Internal Server Error\",\"type\":\"internal_server_error\"}}");
        assertThat(responses.get(1).body())
                .isEqualTo("{\"error\":{\"message\":\"Rate limit reached for model"
                        + " `legal-sim-large` in organization `org_sim` service tier `on_demand` on requests per minute (RPM):"
                        + " Limit 30, Used 30, Requested 1. Please try again in 2s. Visit"
                        + " https://console.groq.com/docs/rate-limits for more information.\",\"type\":\"requests\","
                        + "\"code\":\"rate_limit_exceeded\"}}");
        assertThat(responses.get(1).headers().firstValue("retry-after")).hasValue("2");
        assertThat(SimClient.json(responses.get(2))
                        .at("/error/failed_generation")
                        .asString())
                .isNotEmpty();
    }

    @Test
    void rateLimitedFaultCarriesTheRequestedRetryAfter() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forModel(MODEL).next(1, Fault.rateLimited(Duration.ofMillis(6_500)));

        // when
        HttpResponse<String> response = client.chat(MODEL);

        // then
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("7");
        assertThat(SimClient.json(response).at("/error/message").asString()).contains("Please try again in 6.5s.");
    }

    @Test
    void nextFaultsApplyThenTheModelRevertsToNormal() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forModel(MODEL).next(2, new Fault.Status(503, "over_capacity"));

        // when
        List<Integer> statuses = List.of(
                client.chat(MODEL).statusCode(),
                client.chat("legal-sim-small").statusCode(),
                client.chat(MODEL).statusCode(),
                client.chat(MODEL).statusCode());

        // then
        assertThat(statuses).containsExactly(503, 200, 503, 200);
        assertThat(simulator.requestCount()).isEqualTo(4);
        assertThat(simulator.requestCount(MODEL)).isEqualTo(3);
        assertThat(simulator.requests()).extracting(SeenRequest::status).containsExactly(503, 200, 503, 200);
    }

    @Test
    void alwaysFaultStaysUntilReset() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forAllModels().always(Fault.status(500));

        // when
        int before = client.chat(MODEL).statusCode();
        int again = client.chat("legal-sim-small").statusCode();
        simulator.reset();
        int after = client.chat(MODEL).statusCode();

        // then
        assertThat(List.of(before, again, after)).containsExactly(500, 500, 200);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void dropClosesTheConnectionWithoutAResponse() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forModel(MODEL).next(1, Fault.drop());
        String body = SimClient.body(MODEL, "q");

        // when / then
        assertThatThrownBy(() -> client.postOrThrow(body, Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(simulator.requests())
                .singleElement()
                .extracting(SeenRequest::status)
                .isEqualTo(SeenRequest.NO_RESPONSE);
        assertThat(client.chat(MODEL).statusCode()).isEqualTo(200);
    }

    @Test
    void delayProvokesAClientTimeout() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forModel(MODEL).next(1, Fault.delay(Duration.ofSeconds(3)));
        String body = SimClient.body(MODEL, "q");

        // when / then
        assertThatThrownBy(() -> client.postOrThrow(body, Duration.ofMillis(200)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(simulator.requestCount(MODEL)).isEqualTo(1);
    }

    @Test
    void malformedJsonFaultAnswers200WithUnparseableContent() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forModel(MODEL).next(1, Fault.malformedJson());

        // when
        HttpResponse<String> response = client.chat(MODEL);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SimClient.content(response)).isInstanceOf(JacksonException.class);
    }

    @Test
    void repeatFaultAnswersWithTheLastQuestionAgainOrWithWordsChanged() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator
                .faults()
                .forModel(MODEL)
                .next(Fault.repeatLast())
                .next(Fault.repeatLast())
                .next(Fault.repeatLast(2));
        String first = SimClient.body(MODEL, SimClient.prompt("Tort Law", "Defamation", "basic"));
        String other = SimClient.body(MODEL, SimClient.prompt("Tax Law", "Gross Income", "expert"));

        // when: nothing before the first to repeat; then two other prompts
        String original = SimClient.content(client.post(first, SimClient.KEY))
                .get("question")
                .asString();
        String again = SimClient.content(client.post(other, SimClient.KEY))
                .get("question")
                .asString();
        String changed = SimClient.content(client.post(other, SimClient.KEY))
                .get("question")
                .asString();

        // then
        assertThat(again).isEqualTo(original);
        List<String> before = List.of(original.split(" "));
        List<String> after = List.of(changed.split(" "));
        assertThat(after).hasSameSizeAs(before);
        assertThat(IntStream.range(0, before.size()).filter(i -> !before.get(i).equals(after.get(i))))
                .hasSize(2);
    }

    @Test
    void missingFieldsFaultDropsCitationAndReasoning() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forModel(MODEL).next(1, Fault.missingFields());

        // when
        JsonNode sample = SimClient.content(client.chat(MODEL));

        // then
        assertThat(sample.propertyNames()).containsExactly("question", "answer");
    }

    @Test
    void thinkPrefixFaultPrependsAThinkBlockToValidJson() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        simulator.faults().forModel(MODEL).next(1, Fault.thinkPrefix());

        // when
        HttpResponse<String> response = client.chat(MODEL);

        // then
        String content =
                SimClient.json(response).at("/choices/0/message/content").asString();
        assertThat(content).startsWith("<think>").contains("</think>");
        JsonNode sample = SimClient.JSON.readTree(content.substring(content.indexOf("</think>") + 8));
        assertThat(sample.has("case_citation")).isTrue();
    }

    private SimClient start(SimulatorConfig config) {
        simulator = Simulator.start(config);
        return new SimClient(simulator);
    }
}
