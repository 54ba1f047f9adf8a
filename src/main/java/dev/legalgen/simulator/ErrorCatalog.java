package dev.legalgen.simulator;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Error replies with the bodies the real providers send. Groq wraps the error in
 * {@code {"error":{...}}}; Cerebras sends the four fields flat.
 */
final class ErrorCatalog {

    private static final String GROQ_LIMITS_URL = "https://console.groq.com/docs/rate-limits";

    private final Dialect dialect;
    private final JsonMapper json;

    ErrorCatalog(Dialect dialect, JsonMapper json) {
        this.dialect = dialect;
        this.json = json;
    }

    Reply invalidKey() {
        return dialect == Dialect.GROQ
                ? error(401, "Invalid API Key", "invalid_request_error", null, "invalid_api_key")
                : error(401, "Wrong API Key", "invalid_request_error", "api_key", "wrong_api_key");
    }

    Reply badRequest(String message) {
        return dialect == Dialect.GROQ
                ? error(400, message, "invalid_request_error", null, null)
                : error(400, message, "invalid_request_error", "validation_error", "wrong_api_format");
    }

    Reply modelNotFound(String model) {
        return dialect == Dialect.GROQ
                ? error(
                        404,
                        "The model `" + model + "` does not exist or you do not have access to it.",
                        "invalid_request_error",
                        null,
                        "model_not_found")
                : error(
                        404,
                        "Model does not exist or you do not have access to it.",
                        "not_found_error",
                        "model",
                        "model_not_found");
    }

    /** A 429 for an exhausted quota, carrying {@code retry-after}. */
    Reply quotaExceeded(Quota quota, String model, long limit, long used, long requested, Duration retryAfter) {
        Reply reply = dialect == Dialect.GROQ
                ? error(
                        429,
                        "Rate limit reached for model `" + model + "` in organization `org_sim` service tier"
                                + " `on_demand` on " + quota.groqName + ": Limit " + limit + ", Used " + used
                                + ", Requested " + requested + ". Please try again in "
                                + WireFormats.goDuration(retryAfter)
                                + ". Visit " + GROQ_LIMITS_URL + " for more information.",
                        quota.groqType,
                        null,
                        "rate_limit_exceeded")
                : error(429, quota.cerebrasMessage, quota.cerebrasType, "quota", quota.cerebrasCode);
        return reply.withRetryAfter(retryAfter);
    }

    /** The answer to a request the rate windows refused. */
    Reply refusal(String model, RateWindows.Admission admission) {
        LimitState state = admission.state();
        if (admission.refused() == Quota.RPM) {
            return quotaExceeded(
                    Quota.RPM, model, state.requestsPerMinute(), state.requestsThisMinute(), 1, admission.retryAfter());
        }
        if (dialect == Dialect.GROQ && admission.requestedTokens() > state.tokensPerMinute()) {
            // Groq refuses a request that could never fit with a 413 rather than a 429.
            return requestTooLarge(model, state.tokensPerMinute(), admission.requestedTokens());
        }
        return quotaExceeded(
                Quota.TPM,
                model,
                state.tokensPerMinute(),
                state.tokensUsed(),
                admission.requestedTokens(),
                admission.retryAfter());
    }

    /** Groq's 413 for a request larger than the whole TPM limit: a rate-limit body, not a size error. */
    Reply requestTooLarge(String model, long limit, long requested) {
        return error(
                413,
                "Request too large for model `" + model + "` in organization `org_sim` service tier"
                        + " `on_demand` on tokens per minute (TPM): Limit " + limit + ", Requested " + requested
                        + ", please reduce your message size and try again. Visit " + GROQ_LIMITS_URL
                        + " for more information.",
                "tokens",
                null,
                "rate_limit_exceeded");
    }

    /** Groq's JSON-mode failure: invalid model JSON surfaces as a 400 carrying the failed text. */
    Reply jsonValidateFailed(String failedGeneration) {
        ObjectNode body = fields(
                "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for" + " more details.",
                "invalid_request_error",
                null,
                "json_validate_failed");
        body.put("failed_generation", failedGeneration);
        return Reply.json(400, bytes(body));
    }

    /**
     * A model that takes no {@code json_schema}. Groq: message observed (I-SO400); {@code param} seen in a client's
     * fixture and implied by an observed body of 230 bytes, which is this one with its newline. Cerebras takes
     * json_schema on all its models: the body is that of its observed schema refusal, the message inferred.
     */
    Reply jsonSchemaUnsupported() {
        return dialect == Dialect.GROQ
                ? error(
                        400,
                        "This model does not support response format `json_schema`. See supported models at"
                                + " https://console.groq.com/docs/structured-outputs#supported-models",
                        "invalid_request_error",
                        "response_format",
                        null)
                : error(
                        400,
                        "This model does not support response format `json_schema`.",
                        "invalid_request_error",
                        "response_format",
                        "wrong_api_format");
    }

    /**
     * A schema using keywords strict mode refuses up front. Cerebras' body is observed (the set printed Python-style);
     * Groq's is inferred in its shape.
     */
    Reply unsupportedSchemaFields(Collection<String> keywords) {
        String fields = keywords.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
        return error(
                400,
                "Unsupported JSON schema fields: {" + fields + "}",
                "invalid_request_error",
                "response_format",
                dialect == Dialect.GROQ ? null : "wrong_api_format");
    }

    /** A 400 naming the request field at fault, as Groq's validation errors do with {@code param}. */
    Reply invalidField(String message, String param) {
        return error(400, message, "invalid_request_error", param, null);
    }

    /**
     * A batch input file refused at upload. {@code line} (1-based, null when no one line is at fault) is a field of
     * its own, as in Groq's documented batch {@code errors}, so that a client need not read it out of the message.
     */
    Reply badBatchFile(BatchInput.Refused refused) {
        ObjectNode body = fields(refused.getMessage(), "invalid_request_error", refused.param, refused.code);
        if (refused.line != null) {
            body.put("line", refused.line);
        }
        return Reply.json(400, bytes(body));
    }

    /** A file or batch id that names none: OpenAI's wording ({@code No such File object: …}), inferred for both. */
    Reply noSuch(String object, String id) {
        String message = "No such " + object + " object: " + id;
        return dialect == Dialect.GROQ
                ? error(404, message, "invalid_request_error", "id", null)
                : error(404, message, "not_found_error", "id", "not_found");
    }

    /** An error body in the dialect's shape; null {@code param}/{@code code} are left out for Groq, "" for Cerebras. */
    Reply error(int status, String message, String type, String param, String code) {
        return Reply.json(status, bytes(fields(message, type, param, code)));
    }

    private ObjectNode fields(String message, String type, String param, String code) {
        ObjectNode fields = json.createObjectNode();
        fields.put("message", message);
        fields.put("type", type);
        if (dialect == Dialect.CEREBRAS) {
            fields.put("param", param == null ? "" : param);
            fields.put("code", code == null ? "" : code);
            return fields;
        }
        if (code != null) {
            fields.put("code", code);
        }
        if (param != null) {
            fields.put("param", param);
        }
        return fields;
    }

    private byte[] bytes(ObjectNode fields) {
        if (dialect == Dialect.CEREBRAS) {
            return json.writeValueAsBytes(fields);
        }
        ObjectNode wrapper = json.createObjectNode();
        wrapper.set("error", fields);
        return json.writeValueAsBytes(wrapper);
    }
}
