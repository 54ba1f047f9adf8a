package dev.legalgen.provider;

/**
 * The run was asked to stop while this item waited (for its provider's pace, a backoff, a cooldown):
 * the item is left for the restart. Not a provider failure: it is never retried, skipped or counted.
 */
public class RunStoppedException extends RuntimeException {

    public RunStoppedException() {
        this("the run was asked to stop while this call waited; the restart generates this slot");
    }

    /** Stopped for {@code reason}, e.g. a budget reached. */
    public RunStoppedException(String reason) {
        super(reason);
    }
}
