package dev.legalgen.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Runs the lines of a batch and writes their result lines. A line is answered by {@link ChatAnswers} exactly as
 * the synchronous endpoint would answer its body, without its rate limits; the body goes into the line verbatim.
 */
final class BatchLines {

    private final JsonMapper json;
    private final ChatAnswers answers;
    private final BatchScript script;
    private final Clock clock;

    BatchLines(JsonMapper json, ChatAnswers answers, BatchScript script, Clock clock) {
        this.json = json;
        this.answers = answers;
        this.script = script;
        this.clock = clock;
    }

    /** A line run: its HTTP status and its result line. */
    record Ran(int status, byte[] line) {

        boolean succeeded() {
            return status == 200;
        }
    }

    /**
     * {@code {"id","custom_id","response":{"status_code","request_id","body"},"error":null}}: an HTTP-level error
     * is a response too, its body the error body, as OpenAI writes them (O-BATCH, observed).
     */
    Ran run(BatchInput.Line line) {
        // the line's fault is taken whatever its answer, so that "every nth line" counts every line
        Fault fault = script.takeLineFault();
        ChatAnswers.Answer answer = answers.answer(parse(line), fault);
        Reply reply = answer.reply();
        ObjectNode result = head(line.customId());
        ObjectNode response = result.putObject("response");
        response.put("status_code", reply.status());
        response.put("request_id", answer.requestId());
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        if (Reply.JSON.equals(reply.contentType())) {
            response.putRawValue("body", new RawValue(body));
        } else {
            response.put("body", body); // a proxy's HTML page, as a string
        }
        result.putNull("error");
        return new Ran(reply.status(), json.writeValueAsBytes(result));
    }

    /** {@code {"id","custom_id","response":null,"error":{"code","message"}}}: a line that never ran (OpenAI's shape). */
    byte[] notRun(BatchInput.Line line, String code, String message) {
        ObjectNode result = head(line.customId());
        result.putNull("response");
        result.putObject("error").put("code", code).put("message", message);
        return json.writeValueAsBytes(result);
    }

    private ObjectNode head(String customId) {
        ObjectNode result = json.createObjectNode();
        result.put("id", WireFormats.groqId("batch_req_", clock.millis()));
        result.put("custom_id", customId);
        return result;
    }

    /** The body as the synchronous endpoint would read it; null when it is not a chat request (answered 400). */
    private ChatRequest parse(BatchInput.Line line) {
        try {
            return json.treeToValue(line.body(), ChatRequest.class);
        } catch (JacksonException e) {
            return null;
        }
    }
}
