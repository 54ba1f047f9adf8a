package dev.legalgen.provider;

/**
 * A chain's wait (pacing, backoff, breaker cooldown, retry-after) ended early because waiting on
 * had become pointless. An {@link InterruptedException}, so that every wait site already lets go of
 * what it holds (a rate-limit reservation) when it is thrown.
 */
final class WaitAborted extends InterruptedException {

    /** Why the wait ended. */
    enum Reason {
        /** The run was asked to stop (SIGTERM, Ctrl-C, the stop command). */
        STOP_REQUESTED,
        /** The chain gave up: no route can serve any item. */
        CHAIN_GAVE_UP,
        /** The caller gave up this item (its step failed): nothing will take its answer. */
        ITEM_CANCELLED,
        /** The route waited for went out for the run (model gone, provider dropped). */
        ROUTE_OUT
    }

    private final Reason reason;

    WaitAborted(Reason reason) {
        super("wait ended: " + reason);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
