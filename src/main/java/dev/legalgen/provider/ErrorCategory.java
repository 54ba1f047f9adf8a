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

    /**
     * Whether a failed model listing before the run's first call takes the provider out of the run:
     * only when no chat call could succeed either.
     */
    public boolean dropsProviderBeforeTheRun() {
        return switch (this) {
            // the same key or account fails every chat call
            case AUTHENTICATION, QUOTA -> true;
            // nothing answers at the base URL: a typo, or a network that is down
            case CONNECTION_ERROR -> true;
            // a bare 404 or a 503 on /models says nothing of chat (some OpenAI-compatible servers have no /models)
            case MODEL_UNAVAILABLE -> false;
            // it answered, or may: the chat calls decide, with their own retries and breakers
            case TIMEOUT, SERVER_ERROR, RATE_LIMIT, GENERAL -> false;
            // not answers to a listing; keep the provider
            case REQUEST_TOO_LARGE, BAD_REQUEST, INVALID_OUTPUT -> false;
        };
    }

    /** The snake_case name used in events, metrics and the README. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
