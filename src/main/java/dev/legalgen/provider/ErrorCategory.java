package dev.legalgen.provider;

import java.util.Locale;

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
    STRUCTURED_OUTPUT_REFUSED,
    INVALID_OUTPUT,
    TRUNCATED,
    /** Not a call's failure: the answers for an item kept repeating questions its dataset already has. */
    DUPLICATE,
    GENERAL;

    /** What the chain does about a failure. */
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
        /** The answer was cut off at its completion budget: ask once more with a larger one, then give up the item. */
        REASK_LARGER,
        /** The route refuses {@code json_schema}: it asks in {@code json_object} for the rest of the run, at once. */
        ASK_WITHOUT_SCHEMA,
        /** The request itself is wrong for this item: give up the item. */
        SKIP_ITEM
    }

    /** What the chain does about a failure of this category. */
    public Action action() {
        return switch (this) {
            // the key or account must be fixed: no call to the provider can succeed until then
            case AUTHENTICATION, QUOTA -> Action.DROP_PROVIDER;
            // the model is gone or at capacity; the provider's other models may serve
            case MODEL_UNAVAILABLE -> Action.NEXT_MODEL;
            // the provider asks us to slow down, not to give up
            case RATE_LIMIT -> Action.PACE;
            // the route is failing for now; that usually passes
            case TIMEOUT, CONNECTION_ERROR, SERVER_ERROR, GENERAL -> Action.RETRY;
            // this request is wrong for every route
            case REQUEST_TOO_LARGE, BAD_REQUEST -> Action.SKIP_ITEM;
            // the model answered; another answer may be usable
            case INVALID_OUTPUT -> Action.REASK;
            // the same budget would be cut off the same way
            case TRUNCATED -> Action.REASK_LARGER;
            // the caller re-asks with a hint; the chain never sees it
            case DUPLICATE -> Action.SKIP_ITEM;
            // the model serves, only not with a schema: JSON mode is the fallback every model takes
            case STRUCTURED_OUTPUT_REFUSED -> Action.ASK_WITHOUT_SCHEMA;
        };
    }

    /** Whether a failure counts towards opening its route's circuit breaker. */
    public boolean countsForBreaker() {
        return switch (this) {
            // the route itself is failing
            case TIMEOUT, CONNECTION_ERROR, SERVER_ERROR, GENERAL -> true;
            // the provider's pace, not the route's health
            case RATE_LIMIT -> false;
            // out for the run at once: a breaker would add nothing
            case AUTHENTICATION, QUOTA, MODEL_UNAVAILABLE -> false;
            // about the item, not the route
            case REQUEST_TOO_LARGE, BAD_REQUEST, INVALID_OUTPUT, TRUNCATED, DUPLICATE -> false;
            // about the request's format, which the chain changes at once
            case STRUCTURED_OUTPUT_REFUSED -> false;
        };
    }

    /** Whether the step retries, as its last resort, an item the chain gave up with this failure. */
    public boolean stepRetries() {
        return switch (this) {
            // may well pass by the next attempt
            case TIMEOUT, CONNECTION_ERROR, SERVER_ERROR, GENERAL -> true;
            // the provider's window resets
            case RATE_LIMIT -> true;
            // the chain has already moved on to every route left
            case AUTHENTICATION, QUOTA, MODEL_UNAVAILABLE -> false;
            // the same item fails the same way; a duplicate has had its re-asks already
            case REQUEST_TOO_LARGE, BAD_REQUEST, INVALID_OUTPUT, TRUNCATED, DUPLICATE -> false;
            // the route asks without a schema from now on, so another attempt is a different request
            case STRUCTURED_OUTPUT_REFUSED -> true;
        };
    }

    /** Whether the step skips the item (up to its skip limit) instead of failing the run. */
    public boolean stepSkips() {
        return switch (this) {
            // about this item only: the others still succeed on the same routes
            case REQUEST_TOO_LARGE, BAD_REQUEST, INVALID_OUTPUT, TRUNCATED, DUPLICATE -> true;
            // about routes or providers: skipping would empty the dataset item by item
            case STRUCTURED_OUTPUT_REFUSED,
                    AUTHENTICATION,
                    QUOTA,
                    MODEL_UNAVAILABLE,
                    RATE_LIMIT,
                    TIMEOUT,
                    CONNECTION_ERROR,
                    SERVER_ERROR,
                    GENERAL -> false;
        };
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
            case REQUEST_TOO_LARGE, BAD_REQUEST, STRUCTURED_OUTPUT_REFUSED, INVALID_OUTPUT, TRUNCATED, DUPLICATE ->
                false;
        };
    }

    /**
     * Whether the provider counts a call that failed this way against its rate limits, so that the rate limiter's
     * booking for it stays spent; when not, the booking is given back and the calls queued behind it move up.
     */
    public boolean chargesReservation() {
        return switch (this) {
            // the key or account is refused (401, 402, 403) before any generation
            case AUTHENTICATION, QUOTA -> false;
            // the model is unknown, retired or at capacity (404, 400 decommissioned, 498, 503, queue_exceeded) before
            // generation
            case MODEL_UNAVAILABLE -> false;
            // refused before processing (Cerebras checks its token bucket first); the block after it does the pacing
            case RATE_LIMIT -> false;
            // too large for the limit: refused before processing
            case REQUEST_TOO_LARGE -> false;
            // most likely never reached the provider
            case CONNECTION_ERROR -> false;
            // it arrived and may still be generating
            case TIMEOUT -> true;
            // it may have failed after generating
            case SERVER_ERROR -> true;
            // a 422 may come after generation, an unlisted 4xx is unknown
            case BAD_REQUEST -> true;
            // refused up front, when the request is checked
            case STRUCTURED_OUTPUT_REFUSED -> false;
            // the model generated it, up to the whole budget for a cut-off answer
            case INVALID_OUTPUT, TRUNCATED, DUPLICATE -> true;
            // unknown (e.g. 499, cancelled mid-generation): assume it counted
            case GENERAL -> true;
        };
    }

    /** Whether the provider asked for a pause: nothing goes to it until its retry-after, then one probe. */
    public boolean blocksProvider() {
        return switch (this) {
            // a 429: the provider's own count says no more for now
            case RATE_LIMIT -> true;
            // refusals of a key, a model or a request: other calls may go on at the provider's pace
            case AUTHENTICATION, QUOTA, MODEL_UNAVAILABLE, REQUEST_TOO_LARGE, BAD_REQUEST, STRUCTURED_OUTPUT_REFUSED ->
                false;
            // failures of this call; the breaker, not the limiter, handles a route that keeps failing
            case TIMEOUT, CONNECTION_ERROR, SERVER_ERROR, INVALID_OUTPUT, TRUNCATED, DUPLICATE, GENERAL -> false;
        };
    }

    /** The snake_case name used in events, metrics and the README. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
