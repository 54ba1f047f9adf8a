package dev.legalgen.provider;

import java.util.List;

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

    /** A provider billed a call (its answer used or not): once per call, from the thread that made it. */
    default void onBilled(Route route, Bill bill) {}

    /** Every one of {@code listeners}, in order. */
    static ChainEventListener all(List<ChainEventListener> listeners) {
        List<ChainEventListener> all = List.copyOf(listeners);
        return new ChainEventListener() {
            @Override
            public void onEvent(ChainEvent event) {
                all.forEach(listener -> listener.onEvent(event));
            }

            @Override
            public void onCompletion(Completion completion) {
                all.forEach(listener -> listener.onCompletion(completion));
            }

            @Override
            public void onBilled(Route route, Bill bill) {
                all.forEach(listener -> listener.onBilled(route, bill));
            }
        };
    }
}
