package dev.legalgen.simulator;

import java.time.Duration;
import java.util.Locale;

/** Turns a scripted {@link Fault.Status} into the reply the dialect would send for that status. */
final class StatusFaults {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);

    private final Dialect dialect;
    private final ErrorCatalog errors;

    StatusFaults(Dialect dialect, ErrorCatalog errors) {
        this.dialect = dialect;
        this.errors = errors;
    }

    Reply reply(Fault.Status fault, String model) {
        String code = fault.code() == null ? "" : fault.code().toLowerCase(Locale.ROOT);
        boolean groq = dialect == Dialect.GROQ;
        return switch (fault.status()) {
            case 400 -> badRequest(code, model);
            case 401 -> errors.invalidKey();
            // Cerebras lists 402 but no body was found; this one is inferred. Groq has no 402.
            case 402 ->
                errors.error(
                        402,
                        "Payment required: your account has no remaining credits.",
                        "payment_required_error",
                        "",
                        "payment_required");
            // Groq documents "permission restrictions" without a body (inferred); Cerebras answers FastAPI's shape.
            case 403 ->
                groq
                        ? errors.error(
                                403,
                                "You do not have permission to perform this action. Check your organization's"
                                        + " permission restrictions.",
                                "permission_error",
                                null,
                                "permission_denied")
                        : Reply.text(403, Reply.JSON, "{\"detail\":\"Not authenticated\"}");
            case 404 -> errors.modelNotFound(model);
            // Groq's 413 is observed; Cerebras does not document one (inferred body).
            case 413 ->
                groq
                        ? errors.requestTooLarge(model, 6000, 10338)
                        : errors.error(
                                413,
                                "Request too large - too many tokens in the request.",
                                "invalid_request_error",
                                "messages",
                                "request_too_large");
            // Both only say "semantic errors / retry"; the body is inferred.
            case 422 ->
                errors.error(
                        422,
                        "The model produced an invalid response. Please retry the request.",
                        "invalid_request_error",
                        null,
                        "unprocessable_entity");
            case 429 -> tooManyRequests(code, model, retryAfter(fault));
            // Groq flex tier at capacity: status and code documented, the rest of the body inferred.
            case 498 ->
                errors.error(
                        498,
                        "`flex` tier capacity exceeded. Please try again later or use the"
                                + " `on_demand` service tier.",
                        "capacity_exceeded",
                        null,
                        "capacity_exceeded");
            case 500 ->
                errors.error(
                        500,
                        "Internal Server Error",
                        "internal_server_error",
                        null,
                        groq ? null : "internal_server_error");
            // 502/503 bodies were not found: JSON in Groq's error style (inferred), or a proxy's HTML page.
            case 502 ->
                "html".equals(code)
                        ? proxyPage(502, "Bad Gateway")
                        : errors.error(502, "Bad Gateway", "internal_server_error", null, "bad_gateway");
            case 503 ->
                "html".equals(code)
                        ? proxyPage(503, "Service Temporarily Unavailable")
                        : errors.error(
                                503, "Service Unavailable", "internal_server_error", null, "service_unavailable");
            default ->
                errors.error(
                        fault.status(),
                        "Simulated error " + fault.status(),
                        "api_error",
                        null,
                        code.isEmpty() ? null : code);
        };
    }

    private Reply badRequest(String code, String model) {
        return switch (code) {
            // the model wrote prose around a broken object: complete, but not JSON
            case "json_validate_failed" ->
                errors.jsonValidateFailed("Here is the sample: {\"question\": \"What does the simulated case hold?\","
                        + " answer: the simulated answer}");
            // stopped by its budget mid-object
            case "json_validate_failed_truncated" ->
                errors.jsonValidateFailed("{\"question\": \"What does the simulated");
            case "model_decommissioned" ->
                errors.error(
                        400,
                        "The model `" + model + "` has been decommissioned and"
                                + " is no longer supported. Please refer to"
                                + " https://console.groq.com/docs/deprecations for a"
                                + " recommendation on which model to use instead.",
                        "invalid_request_error",
                        null,
                        "model_decommissioned");
            default -> errors.badRequest("Simulated bad request: the request failed validation.");
        };
    }

    private Reply tooManyRequests(String code, String model, Duration retryAfter) {
        return switch (code) {
            // Cerebras capacity (not quota) signal; code observed, message inferred.
            case "queue_exceeded" ->
                errors.error(
                                429,
                                "We're experiencing high traffic right now! Please try again" + " soon.",
                                "too_many_requests_error",
                                "queue",
                                "queue_exceeded")
                        .withRetryAfter(retryAfter);
            case "tpm", "tokens" -> errors.quotaExceeded(Quota.TPM, model, 6000, 5000, 1500, retryAfter);
            case "rpd" -> errors.quotaExceeded(Quota.RPD, model, 1000, 1000, 1, retryAfter);
            case "tpd" -> errors.quotaExceeded(Quota.TPD, model, 100_000, 99_000, 1500, retryAfter);
            default -> errors.quotaExceeded(Quota.RPM, model, 30, 30, 1, retryAfter);
        };
    }

    private static Duration retryAfter(Fault.Status fault) {
        return fault.retryAfter() == null ? DEFAULT_RETRY_AFTER : fault.retryAfter();
    }

    private static Reply proxyPage(int status, String reason) {
        return Reply.text(
                status,
                "text/html",
                "<html><head><title>" + status + " " + reason
                        + "</title></head><body><center><h1>" + status + " " + reason
                        + "</h1></center><hr><center>cloudflare</center></body></html>");
    }
}
