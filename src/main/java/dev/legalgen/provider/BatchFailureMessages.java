package dev.legalgen.provider;

import java.time.Duration;

/**
 * Messages for failed Batch API calls: the provider, the call ({@code POST /batches}), the status with the
 * provider's code and words (or what went wrong on the wire), and what to change. The category is
 * {@link FailureClassifier}'s; only the wording differs from a chat call's, which names a model.
 */
final class BatchFailureMessages {

    private BatchFailureMessages() {}

    static String answered(
            String provider,
            BatchCall call,
            ErrorCategory category,
            int status,
            ProviderError error,
            Duration retryAfter,
            ProviderSettings settings) {
        String failed = provider + " Batch API " + call + " failed" + FailureMessages.detail(status, error);
        return failed
                + (status == 404 ? notFound(provider, call, settings) : fix(provider, category, retryAfter, settings));
    }

    static String unanswered(
            String provider, BatchCall call, ErrorCategory category, String cause, ProviderSettings settings) {
        return provider + " Batch API " + call + " got no answer (" + cause + ")"
                + fix(provider, category, null, settings);
    }

    private static String notFound(String provider, BatchCall call, ProviderSettings settings) {
        return call.missing() != null
                ? ": " + call.missing()
                : ": nothing serves the Batch API at " + settings.baseUrl() + "; check legalgen.providers." + provider
                        + ".base-url and whether the provider offers batches";
    }

    private static String fix(String provider, ErrorCategory category, Duration retryAfter, ProviderSettings settings) {
        String property = "legalgen.providers." + provider;
        return switch (category) {
            case AUTHENTICATION -> ": set " + ProviderSettings.keyVariable(provider) + " (or " + property + ".api-key)";
            case QUOTA -> ": check the plan, credits and permissions of the key's organisation";
            case RATE_LIMIT ->
                ", retry after " + Durations.format(retryAfter) + "; the Batch API's limits are apart from chat's";
            case TIMEOUT ->
                ": no answer within " + Durations.format(settings.timeout()) + "; raise " + property + ".timeout";
            case CONNECTION_ERROR ->
                ": cannot reach " + settings.baseUrl() + "; check " + property + ".base-url and the network";
            // a 503 or 498 here is the service at capacity: there is no other model to move to
            case SERVER_ERROR, MODEL_UNAVAILABLE -> "; this usually passes, retry later";
            case REQUEST_TOO_LARGE -> ": a batch file holds at most 50,000 lines and 200 MB";
            // the provider's own words say what is wrong with the request
            case BAD_REQUEST, STRUCTURED_OUTPUT_REFUSED, GENERAL -> "";
            case INVALID_OUTPUT -> ": the answer is not the Batch API object expected; check " + property + ".base-url";
            // not failures of a Batch API call
            case TRUNCATED, DUPLICATE -> "";
        };
    }
}
