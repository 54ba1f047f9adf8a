package dev.legalgen.provider;

/** How each call picks the provider it starts with ({@code legalgen.chain.routing}). */
public enum Routing {
    /** Among the providers with headroom now, one at random weighted by its limits: providers serve together. */
    WEIGHTED,
    /**
     * Always the chain's first usable route: a provider is drained before the next is touched (the seed's behaviour).
     */
    PRIORITY
}
