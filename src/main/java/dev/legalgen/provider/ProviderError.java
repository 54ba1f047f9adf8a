package dev.legalgen.provider;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structured part of an error body, whichever shape it came in: Groq's {@code {"error":{...}}},
 * Cerebras' flat {@code {"message","type","param","code"}} or FastAPI's {@code {"detail":...}}.
 * Fields are null when absent; {@code detail} is set only for the FastAPI shape, {@code failedGeneration} only for
 * Groq's {@code json_validate_failed} (the model's raw text).
 */
record ProviderError(String code, String type, String param, String message, String detail, String failedGeneration) {

    static final ProviderError NONE = new ProviderError(null, null, null, null, null, null);

    /** Not an error body: what we found wrong with an answer, named by {@code code}. */
    static ProviderError ofCode(String code) {
        return new ProviderError(code, null, null, null, null, null);
    }

    static ProviderError parse(String body, JsonMapper json) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException notJson) {
            return NONE; // an HTML error page from a proxy: the status alone decides
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        JsonNode error = root.path("error").isObject() ? root.path("error") : root;
        JsonNode detail = root.path("detail");
        return new ProviderError(
                text(error.path("code")),
                text(error.path("type")),
                text(error.path("param")),
                text(error.path("message")),
                detail.isMissingNode() || detail.isNull()
                        ? null
                        : (detail.isString() ? detail.stringValue() : detail.toString()),
                text(error.path("failed_generation")));
    }

    private static String text(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().isEmpty() ? null : node.stringValue();
        }
        return node.isNumber() ? node.asString() : null;
    }

    boolean hasCode(String expected) {
        return expected.equals(code);
    }

    /** Whether the error names this request field as the one refused. */
    boolean hasParam(String expected) {
        return expected.equals(param);
    }

    /** What to show a human: the provider's message, or the FastAPI detail. */
    String summary() {
        return message != null ? message : detail;
    }
}
