package dev.legalgen.provider;

import java.time.Duration;

/**
 * A provider call failed. Carries the classification that decides what happens next and a short
 * message that says what failed and how to fix it; never the API key, never the prompt.
 */
public class ProviderCallException extends RuntimeException {

    private final String provider;
    private final String model;
    private final ErrorCategory category;
    private final Integer httpStatus;
    private final String errorCode;
    private final String errorType;
    private final String errorParam;
    private final Duration retryAfter;
    private final boolean noRouteLeft;
    /** Set once, by the client, for an answer the provider billed though we could not use it. */
    private Bill billed;

    public ProviderCallException(
            String provider,
            String model,
            ErrorCategory category,
            Integer httpStatus,
            String errorCode,
            String errorType,
            Duration retryAfter,
            String message,
            Throwable cause) {
        this(provider, model, category, httpStatus, errorCode, errorType, null, retryAfter, false, message, cause);
    }

    private ProviderCallException(
            String provider,
            String model,
            ErrorCategory category,
            Integer httpStatus,
            String errorCode,
            String errorType,
            String errorParam,
            Duration retryAfter,
            boolean noRouteLeft,
            String message,
            Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.model = model;
        this.category = category;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorType = errorType;
        this.errorParam = errorParam;
        this.retryAfter = retryAfter;
        this.noRouteLeft = noRouteLeft;
    }

    /** The route answered {@code status} with {@code error} (or a 2xx we could not use, named by its code). */
    static ProviderCallException answered(
            Route route,
            ErrorCategory category,
            int status,
            ProviderError error,
            Duration retryAfter,
            String message,
            Throwable cause) {
        return new ProviderCallException(
                route.provider(),
                route.model(),
                category,
                status,
                error.code(),
                error.type(),
                error.param(),
                retryAfter,
                false,
                message,
                cause);
    }

    /** No provider can serve anything any more: the job should stop rather than skip items. */
    public static ProviderCallException noRouteLeft(ErrorCategory category, String message, Throwable lastFailure) {
        return new ProviderCallException(
                null, null, category, null, null, null, null, null, true, message, lastFailure);
    }

    /** The call got no answer (refused, reset, timed out): no status, no error body. */
    static ProviderCallException unanswered(Route route, ErrorCategory category, String message, Throwable cause) {
        return new ProviderCallException(
                route.provider(), route.model(), category, null, null, null, null, null, false, message, cause);
    }

    /** The route answered, twice, with content that cannot be used: this item is given up. */
    static ProviderCallException invalidOutput(Route route, String message, Throwable cause) {
        return givenUp(route, ErrorCategory.INVALID_OUTPUT, message, cause);
    }

    /** Every answer for an item failed the caller's quality checks ({@code message} says why): the item is given up. */
    public static ProviderCallException rejected(Route route, String message) {
        return invalidOutput(route, message, null);
    }

    /** Every answer for an item repeated a question of its dataset ({@code message} says which): given up. */
    public static ProviderCallException duplicate(Route route, String message) {
        return givenUp(route, ErrorCategory.DUPLICATE, message, null);
    }

    private static ProviderCallException givenUp(Route route, ErrorCategory category, String message, Throwable cause) {
        return new ProviderCallException(
                route.provider(), route.model(), category, null, null, null, null, null, false, message, cause);
    }

    /** The thread was interrupted (not by the chain) while it waited: given up, as a general failure. */
    static ProviderCallException interrupted(Route route, String message, InterruptedException cause) {
        return new ProviderCallException(
                route == null ? null : route.provider(),
                route == null ? null : route.model(),
                ErrorCategory.GENERAL,
                null,
                null,
                null,
                null,
                null,
                false,
                message,
                cause);
    }

    /** This failure, its message saying that the caller gave up after {@code attempts} attempts. */
    ProviderCallException afterAttempts(int attempts) {
        ProviderCallException last = new ProviderCallException(
                provider,
                model,
                category,
                httpStatus,
                errorCode,
                errorType,
                errorParam,
                retryAfter,
                noRouteLeft,
                getMessage() + " (gave up after " + attempts + " attempts)",
                getCause());
        last.billed = billed;
        return last;
    }

    /** Marks this failure as an answer the provider billed ({@code finish_reason} length, unusable content). */
    ProviderCallException billedFor(Bill bill) {
        this.billed = bill;
        return this;
    }

    /** What the provider billed for the answer that failed; null when it billed nothing (no answer, an error). */
    public Bill billed() {
        return billed;
    }

    public String provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public ErrorCategory category() {
        return category;
    }

    /** HTTP status, null when the call never got one (timeout, connection error). */
    public Integer httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorType() {
        return errorType;
    }

    /** The request field the provider named as refused ({@code param}), null when it named none. */
    public String errorParam() {
        return errorParam;
    }

    /** How long the server asked us to wait, null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@code category: message}: how a route out of the run, or an open circuit, is explained. */
    String explanation() {
        return category.label() + ": " + getMessage();
    }

    /** True when every route is exhausted, not just this call: retrying the item elsewhere is pointless. */
    public boolean noRouteLeft() {
        return noRouteLeft;
    }
}
