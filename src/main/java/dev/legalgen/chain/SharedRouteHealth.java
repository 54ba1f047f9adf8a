package dev.legalgen.chain;

import dev.legalgen.provider.ProviderChain;

/**
 * Route health shared by the processes of a run (the manager and the workers of remote partitioning): what one
 * process's chain finds out about a route (a key refused, a model gone, a breaker opened) the others' chains of the
 * same execution learn, so that a storm is learnt once. In one process there is nothing to share: {@link #NONE}.
 */
public interface SharedRouteHealth {

    SharedRouteHealth NONE = new SharedRouteHealth() {
        @Override
        public void joined(long executionId, ProviderChain chain) {}

        @Override
        public void left(long executionId) {}
    };

    /** The execution's chain in this process was made: it learns what the others know, and shares what it finds. */
    void joined(long executionId, ProviderChain chain);

    /** The execution's chain in this process was let go. */
    void left(long executionId);
}
