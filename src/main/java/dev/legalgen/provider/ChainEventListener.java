package dev.legalgen.provider;

/** Receives the chain's events (e.g. to write the generation_event table); called from many threads. */
@FunctionalInterface
public interface ChainEventListener {

    ChainEventListener NONE = event -> {};

    void onEvent(ChainEvent event);

    /**
     * A call answered with content the caller accepted. Not a {@link ChainEvent}: one per sample would
     * flood the event table; this feeds counters (calls by outcome, tokens) in the same one place.
     */
    default void onCompletion(Completion completion) {}
}
