package dev.legalgen.provider;

/** Receives the chain's events (e.g. to write the generation_event table); called from many threads. */
@FunctionalInterface
public interface ChainEventListener {

    ChainEventListener NONE = event -> {};

    void onEvent(ChainEvent event);
}
