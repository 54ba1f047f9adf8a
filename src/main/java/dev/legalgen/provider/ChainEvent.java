package dev.legalgen.provider;

import java.time.Instant;

/**
 * Something the chain did or saw; {@code category} is null for switches, {@code breakerState} is the state a
 * {@link Type#BREAKER_TRANSITION} moved to (null for the other types), {@code reason} is short and never holds a key.
 */
public record ChainEvent(
        Instant time,
        Type type,
        Route route,
        ErrorCategory category,
        RouteCircuitBreakers.State breakerState,
        String reason) {

    public enum Type {
        FAILURE,
        RETRY,
        MODEL_SWITCH,
        PROVIDER_SWITCH,
        MODEL_FAILED,
        PROVIDER_OUT,
        /** Before the first call: models the endpoint does not list, left out for the run. */
        MODELS_NOT_LISTED,
        BREAKER_TRANSITION,
        /** The route refused {@code json_schema}: it asks in {@code json_object} for the rest of the run. */
        STRUCTURED_OUTPUT_DOWNGRADED
    }
}
