package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class SimulatorBatchRejectionIntegrationTests {

    private static final String MODEL = "legal-sim-large";
    private static final String GOOD = BatchClient.line("a", BatchClient.slotRequest(MODEL, 1));
    private static final String GROQ_INVALID_KEY =
            "{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";

    private Simulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "{0}: line {1}, {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "not json                                                                 | 2 | invalid_json_line",
                "[1, 2]                                                                   | 2 | invalid_json_line",
                "{'custom_id':'a','method':'POST','url':'/v1/chat/completions','body':{}} | 2 | duplicate_custom_id",
                "{'custom_id':'b','method':'GET','url':'/v1/chat/completions','body':{}}  | 2 | invalid_method",
                "{'custom_id':'b','method':'POST','url':'/v1/embeddings','body':{}}       | 2 | invalid_url",
                "{'custom_id':'b','method':'POST','url':'/v1/chat/completions'}           | 2 | invalid_body",
                "{'method':'POST','url':'/v1/chat/completions','body':{}}                 | 2 | invalid_custom_id",
            })
    void aBadLineRefusesTheFileWith400NamingIt(String badLine, int line, String code) {
        // given
        BatchClient client = start(SimulatorConfig.defaults());

        // when
        HttpResponse<String> response = client.upload(GOOD + "\n" + badLine.replace('\'', '"') + "\n" + GOOD);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = SimClient.json(response).get("error");
        assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("line").asInt()).isEqualTo(line);
        assertThat(error.get("message").asString()).startsWith("Line " + line + ": ");
        assertThat(simulator.uploadedCustomIds()).isEmpty();
        assertThat(simulator.fileUploadCount()).isEqualTo(1);
    }

    @Test
    void cerebrasRefusesABadFileWithItsFlatBody() {
        // given
        BatchClient client = start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS));

        // when
        HttpResponse<String> response = client.upload(GOOD + "\n" + GOOD + "\n");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = SimClient.json(response);
        assertThat(error.has("error")).isFalse();
        assertThat(error.get("code").asString()).isEqualTo("duplicate_custom_id");
        assertThat(error.get("param").asString()).isEqualTo("custom_id");
        assertThat(error.get("line").asInt()).isEqualTo(2);
    }

    @Test
    void anEmptyFileAndOneOfMoreThanFiftyThousandLinesAreRefused() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        String tiny = BatchClient.line("x", "{}");
        String tooMany = IntStream.rangeClosed(1, 50_001)
                .mapToObj(i -> tiny.replace("\"x\"", "\"" + i + "\""))
                .collect(Collectors.joining("\n"));

        // when
        JsonNode empty = SimClient.json(client.upload("")).get("error");
        JsonNode tooLong = SimClient.json(client.upload(tooMany)).get("error");

        // then
        assertThat(empty.get("code").asString()).isEqualTo("empty_file");
        assertThat(empty.has("line")).isFalse();
        assertThat(tooLong.get("code").asString()).isEqualTo("too_many_tasks");
        assertThat(tooLong.get("line").asInt()).isEqualTo(50_001);
    }

    @Test
    void anUploadNeedsPurposeBatchAndAMultipartBody() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());

        // when
        HttpResponse<String> fineTune = client.upload("fine-tune", GOOD, SimClient.KEY);
        HttpResponse<String> notMultipart = client.postJson("/files", GOOD);

        // then
        assertThat(fineTune.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(fineTune).at("/error/param").asString()).isEqualTo("purpose");
        assertThat(notMultipart.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(notMultipart).at("/error/message").asString()).contains("multipart/form-data");
        assertThat(simulator.uploadedCustomIds()).isEmpty();
    }

    @Test
    void everyBatchCallAnswersAWrongKeyWithTheChatEndpoints401() {
        // given
        BatchClient client = start(SimulatorConfig.defaults().withApiKey(SimClient.KEY));
        String fileId = client.uploaded(GOOD);
        String batchId = client.submitted(GOOD.replace("\"a\"", "\"b\""));

        // when
        HttpResponse<String> upload = client.upload("batch", GOOD, "gsk_wrong");
        HttpResponse<String> poll = client.get("/batches/" + batchId, "gsk_wrong");
        HttpResponse<String> content = client.get("/files/" + fileId + "/content", null);

        // then
        assertThat(upload.statusCode()).isEqualTo(401);
        assertThat(upload.body()).isEqualTo(GROQ_INVALID_KEY);
        assertThat(poll.statusCode()).isEqualTo(401);
        assertThat(poll.body()).isEqualTo(GROQ_INVALID_KEY);
        assertThat(content.statusCode()).isEqualTo(401);
        assertThat(simulator.uploadedCustomIds()).hasSize(2);
    }

    @Test
    void unknownIdsAreAnswered404() {
        // given
        BatchClient client = start(SimulatorConfig.defaults());

        // when
        HttpResponse<String> create = client.create("file_nope");
        HttpResponse<String> poll = client.poll("batch_nope");
        HttpResponse<String> cancel = client.cancel("batch_nope");
        HttpResponse<String> content = client.content("file_nope");

        // then
        assertThat(create.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(create).at("/error/message").asString()).isEqualTo("No such File object: file_nope");
        assertThat(poll.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(poll).at("/error/message").asString()).isEqualTo("No such Batch object: batch_nope");
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(content.statusCode()).isEqualTo(404);
        assertThat(simulator.batchCreateCount()).isEqualTo(1);
        assertThat(simulator.batchedCustomIds()).isEmpty();
    }

    @ParameterizedTest(name = "completion_window {0} is refused")
    @ValueSource(strings = {"12h", "23h", "8d", "169h", "1w", "24", ""})
    void aCompletionWindowOutside24hTo7dIsRefused(String window) {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        String fileId = client.uploaded(GOOD);

        // when
        HttpResponse<String> response = client.createWith(SimClient.JSON.writeValueAsString(
                Map.of("input_file_id", fileId, "endpoint", "/v1/chat/completions", "completion_window", window)));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(response).at("/error/param").asString()).isEqualTo("completion_window");
    }

    @ParameterizedTest(name = "completion_window {0} is accepted")
    @ValueSource(strings = {"24h", "48h", "168h", "7d"})
    void aCompletionWindowFrom24hTo7dIsAccepted(String window) {
        // given
        BatchClient client = start(SimulatorConfig.defaults());
        String fileId = client.uploaded(GOOD);

        // when
        HttpResponse<String> response = client.createWith(SimClient.JSON.writeValueAsString(
                Map.of("input_file_id", fileId, "endpoint", "/v1/chat/completions", "completion_window", window)));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(response).get("completion_window").asString()).isEqualTo(window);
    }

    @Test
    void aBatchNeedsTheChatEndpointAndAnUploadedInputFile() {
        // given: a batch's output file, which is no input
        BatchClient client = start(SimulatorConfig.defaults());
        JsonNode done = client.batch(client.submitted(GOOD));
        String outputFileId = done.get("output_file_id").asString();

        // when
        HttpResponse<String> fromOutput = client.create(outputFileId);
        HttpResponse<String> embeddings = client.createWith(SimClient.JSON.writeValueAsString(Map.of(
                "input_file_id", client.uploaded(GOOD), "endpoint", "/v1/embeddings", "completion_window", "24h")));
        HttpResponse<String> notJson = client.createWith("{");

        // then
        assertThat(fromOutput.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(fromOutput).at("/error/param").asString()).isEqualTo("input_file_id");
        assertThat(embeddings.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(embeddings).at("/error/param").asString()).isEqualTo("endpoint");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    private BatchClient start(SimulatorConfig config) {
        simulator = Simulator.start(config);
        return new BatchClient(simulator);
    }
}
