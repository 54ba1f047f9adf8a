package dev.legalgen.provider;

import java.time.Duration;

/**
 * Short, fixable messages for failed calls: what failed, the provider's own words (or what went wrong on the
 * wire), and what to change.
 */
final class FailureMessages {

    private static final int MAX_PROVIDER_TEXT = 160;

    private FailureMessages() {}

    /** A call the provider answered with an error: its status, code and message in parentheses. */
    static String answered(
            String provider,
            String model,
            ErrorCategory category,
            int status,
            ProviderError error,
            Duration retryAfter,
            ProviderSettings settings) {
        return describe(provider, model, category, detail(status, error), retryAfter, settings);
    }

    /** {@code  (429 rate_limit_exceeded: "Rate limit reached …")}: the status, code and the provider's words. */
    static String detail(int status, ProviderError error) {
        String code = error.code() != null ? error.code() : error.type();
        String said = providerText(error.summary());
        return " (" + status + (code == null ? "" : " " + code) + (said == null ? "" : ": \"" + said + "\"") + ")";
    }

    /** A call that got no usable answer: {@code cause} says in words what went wrong (see {@link TransportCauses}). */
    static String unanswered(
            String provider, String model, ErrorCategory category, String cause, ProviderSettings settings) {
        return describe(provider, model, category, " (" + cause + ")", null, settings);
    }

    private static String describe(
            String provider,
            String model,
            ErrorCategory category,
            String detail,
            Duration retryAfter,
            ProviderSettings settings) {
        String what = provider + " " + model;
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
                what + " did not answer within " + Durations.format(settings.timeout()) + detail + ": raise " + property
                        + ".timeout or lower max-completion-tokens";
            case CONNECTION_ERROR ->
                "cannot reach " + provider + " at " + settings.baseUrl() + detail + ": check " + property
                        + ".base-url and the network";
            case SERVER_ERROR ->
                what + " failed on the provider's side" + detail + "; this usually passes, retry later";
            case REQUEST_TOO_LARGE ->
                what + " cannot take a request this large" + detail + ": shorten the prompt or lower " + property
                        + ".max-completion-tokens";
            case BAD_REQUEST -> what + " rejected the request" + detail;
            case STRUCTURED_OUTPUT_REFUSED ->
                what + " refused the json_schema response format" + detail + ": set " + modelProperty(property, model)
                        + ".structured-output=json_object";
            case INVALID_OUTPUT -> what + " returned no usable content" + detail;
            case DUPLICATE -> what + " kept repeating questions the dataset already has" + detail;
            case TRUNCATED ->
                what + " was cut off at its completion budget" + detail + ": raise " + modelProperty(property, model)
                        + ".max-completion-tokens or lower its reasoning-effort";
            case GENERAL -> what + " call failed" + detail;
        };
    }

    /** {@code legalgen.providers.groq.model-options[openai/gpt-oss-120b]}: brackets keep the id's '/' and '.'. */
    private static String modelProperty(String property, String model) {
        return property + ".model-options[" + model + "]";
    }

    /** The provider's message on one line, cut to a length a log line and a status can carry; null when none. */
    private static String providerText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_PROVIDER_TEXT ? oneLine.substring(0, MAX_PROVIDER_TEXT) + "…" : oneLine;
    }
}
