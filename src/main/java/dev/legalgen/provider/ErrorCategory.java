package dev.legalgen.provider;

/** What went wrong with a provider call, in the terms that decide what to do next. */
public enum ErrorCategory {
    AUTHENTICATION,
    QUOTA,
    MODEL_UNAVAILABLE,
    RATE_LIMIT,
    TIMEOUT,
    CONNECTION_ERROR,
    SERVER_ERROR,
    REQUEST_TOO_LARGE,
    BAD_REQUEST,
    INVALID_OUTPUT,
    GENERAL;

    /** The snake_case name used in events, metrics and the README. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
