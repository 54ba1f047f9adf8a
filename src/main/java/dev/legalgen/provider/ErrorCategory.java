package dev.legalgen.provider;

import java.util.Locale;

/** What went wrong with a provider call, in the terms that decide what to do next. */
public enum ErrorCategory {
    AUTHENTICATION(Action.DROP_PROVIDER),
    QUOTA(Action.DROP_PROVIDER),
    MODEL_UNAVAILABLE(Action.NEXT_MODEL),
    RATE_LIMIT(Action.PACE),
    TIMEOUT(Action.RETRY),
    CONNECTION_ERROR(Action.RETRY),
    SERVER_ERROR(Action.RETRY),
    REQUEST_TOO_LARGE(Action.SKIP_ITEM),
    BAD_REQUEST(Action.SKIP_ITEM),
    INVALID_OUTPUT(Action.REASK),
    GENERAL(Action.RETRY);

    /** What the chain does about a failure of this category. */
    public enum Action {
        /** Transient: retry the same route with backoff, then the next route. */
        RETRY,
        /** The model is gone or at capacity: next model of the same provider at once. */
        NEXT_MODEL,
        /** Key or account problem: the provider is out for the run, no retries. */
        DROP_PROVIDER,
        /** Rate limited: wait for a short reset, otherwise move to a route with headroom. */
        PACE,
        /** The model answered but the content is unusable: ask once more, then give up the item. */
        REASK,
        /** The request itself is wrong for this item: give up the item. */
        SKIP_ITEM
    }

    private final Action action;

    ErrorCategory(Action action) {
        this.action = action;
    }

    public Action action() {
        return action;
    }

    /** Worth retrying on the same route; also the only failures that count for a circuit breaker. */
    public boolean isTransient() {
        return action == Action.RETRY;
    }

    /** About this item only: other items may well succeed on the same route. */
    public boolean isItemLevel() {
        return action == Action.SKIP_ITEM || action == Action.REASK;
    }

    /** About the provider or account: no item will succeed there until someone fixes it. */
    public boolean isSystemic() {
        return action == Action.DROP_PROVIDER;
    }

    /** The snake_case name used in events, metrics and the README. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
