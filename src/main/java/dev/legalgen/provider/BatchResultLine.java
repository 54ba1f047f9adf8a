package dev.legalgen.provider;

import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of a batch's output or error file, read: {@code {"id","custom_id","response":{"status_code",
 * "request_id","body"},"error"}}. A 200's body is a chat completion, judged as a synchronous answer is
 * ({@link ChatResponse#unusable()}) and billed at the batch price; {@code completion} is set for those only.
 * {@code problem} says what went wrong, null for an answer; {@code customId} is null when the line is unreadable.
 */
public record BatchResultLine(String customId, Outcome outcome, Completion completion, String problem) {

    /** What became of one request of a batch. */
    public enum Outcome {
        /** A 200 with content to parse. */
        ANSWERED,
        /** A 200 cut off at its completion budget ({@code finish_reason: length}). */
        TRUNCATED,
        /** A 200 without usable content. */
        UNUSABLE,
        /** An error status, or an error the batch reported for it. */
        FAILED,
        /** Never run: the batch expired or was cancelled first. */
        NOT_RUN
    }

    /** The error codes of lines a batch never ran (OpenAI's shape, which the simulator writes). */
    static final Set<String> NOT_RUN_CODES = Set.of("batch_expired", "batch_cancelled");

    private static final int MAX_EXCERPT = 120;
    private static final String UNKNOWN_MODEL = "(unknown model)";

    /** Never throws: a line that cannot be read is a {@link Outcome#FAILED} one saying so. */
    static BatchResultLine parse(String line, String provider, ProviderSettings settings, JsonMapper json) {
        JsonNode root;
        try {
            root = json.readTree(line);
        } catch (JacksonException unreadable) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new BatchResultLine(null, Outcome.FAILED, null, "unreadable result line: " + excerpt(line));
        }
        String customId = text(root.path("custom_id"));
        JsonNode error = root.path("error");
        JsonNode response = root.path("response");
        if (error.isObject() || !response.isObject()) {
            String code = text(error.path("code"));
            return new BatchResultLine(
                    customId,
                    code != null && NOT_RUN_CODES.contains(code) ? Outcome.NOT_RUN : Outcome.FAILED,
                    null,
                    error.isObject() ? said(code, text(error.path("message"))) : "no response and no error");
        }
        int status = response.path("status_code").asInt(0);
        JsonNode body = response.path("body");
        if (status != 200) {
            ProviderError failure = ProviderError.parse(body.isString() ? body.stringValue() : body.toString(), json);
            String code = failure.code() != null ? failure.code() : failure.type();
            return new BatchResultLine(
                    customId, Outcome.FAILED, null, said(code, failure.summary()) + " (status " + status + ")");
        }
        return answered(customId, body, provider, settings, json);
    }

    private static BatchResultLine answered(
            String customId, JsonNode body, String provider, ProviderSettings settings, JsonMapper json) {
        ChatResponse parsed;
        try {
            parsed = json.treeToValue(body, ChatResponse.class);
        } catch (JacksonException | IllegalArgumentException notACompletion) {
            parsed = null;
        }
        if (parsed == null) {
            String model = text(body.path("model"));
            Completion nothing = completion(provider, model, null, TokenUsage.NONE, settings);
            return new BatchResultLine(customId, Outcome.UNUSABLE, nothing, "unreadable_body");
        }
        Completion completion = completion(provider, parsed.model(), parsed.firstContent(), parsed.tokens(), settings);
        ErrorCategory unusable = parsed.unusable();
        if (unusable == null) {
            return new BatchResultLine(customId, Outcome.ANSWERED, completion, null);
        }
        Outcome outcome = unusable == ErrorCategory.TRUNCATED ? Outcome.TRUNCATED : Outcome.UNUSABLE;
        return new BatchResultLine(customId, outcome, completion, parsed.unusableReason());
    }

    /** A batch answer is billed at the provider's batch price; it has no latency of its own. */
    private static Completion completion(
            String provider, String model, String content, TokenUsage tokens, ProviderSettings settings) {
        String billedModel = model == null ? UNKNOWN_MODEL : model;
        return new Completion(provider, billedModel, content, settings.batchBill(billedModel, tokens), 0);
    }

    private static String said(String code, String message) {
        if (code == null) {
            return message == null ? "no error code or message" : message;
        }
        return message == null ? code : code + ": " + message;
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.stringValue().isEmpty() ? node.stringValue() : null;
    }

    private static String excerpt(String line) {
        String oneLine = line == null ? "" : line.strip();
        return oneLine.length() > MAX_EXCERPT ? oneLine.substring(0, MAX_EXCERPT) + "…" : oneLine;
    }
}
