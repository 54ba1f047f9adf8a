package dev.legalgen.provider;

import java.time.Duration;

/** Short, fixable messages for failed calls: what failed and what to change. */
final class FailureMessages {

    private static final int MAX_PROVIDER_TEXT = 160;

    private FailureMessages() {}

    static String describe(
            String provider,
            String model,
            ErrorCategory category,
            Integer status,
            ProviderError error,
            Duration retryAfter,
            ProviderSettings settings) {
        String what = provider + " " + model;
        String detail = detail(status, error);
        String property = "legalgen.providers." + provider;
        return switch (category) {
            case AUTHENTICATION ->
                provider + " rejected the API key" + detail + ": set " + ProviderSettings.keyVariable(provider)
                        + " (or " + property + ".api-key)";
            case QUOTA ->
                provider + " refused the account" + detail
                        + ": check the plan, credits and permissions of the key's organisation";
            case MODEL_UNAVAILABLE ->
                what + " is unavailable" + detail + ": the model may be retired or at capacity; list current models in "
                        + property + ".models";
            case RATE_LIMIT ->
                what + " rate limit reached" + detail + ", retry after " + Durations.format(retryAfter) + "; lower "
                        + property + ".requests-per-minute/tokens-per-minute if this repeats";
            case TIMEOUT ->
                what + " did not answer within " + Durations.format(settings.timeout()) + ": raise " + property
                        + ".timeout or lower max-completion-tokens";
            case CONNECTION_ERROR ->
                "cannot reach " + provider + " at " + settings.baseUrl() + detail + ": check " + property
                        + ".base-url and the network";
            case SERVER_ERROR ->
                what + " failed on the provider's side" + detail + "; this usually passes, retry later";
            case REQUEST_TOO_LARGE ->
                what + " cannot take a request this large" + detail + ": shorten the prompt or lower " + property
                        + ".max-completion-tokens";
            case BAD_REQUEST -> what + " rejected the request" + detail + quote(error);
            case INVALID_OUTPUT -> what + " returned no usable content" + detail;
            case GENERAL -> what + " call failed" + detail;
        };
    }

    private static String detail(Integer status, ProviderError error) {
        String code = error.code() != null ? error.code() : error.type();
        if (status == null) {
            return code == null ? "" : " (" + code + ")";
        }
        return " (" + status + (code == null ? "" : " " + code) + ")";
    }

    private static String quote(ProviderError error) {
        String text = error.summary();
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() > MAX_PROVIDER_TEXT ? oneLine.substring(0, MAX_PROVIDER_TEXT) + "…" : oneLine);
    }
}
