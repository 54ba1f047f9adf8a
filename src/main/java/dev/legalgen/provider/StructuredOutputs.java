package dev.legalgen.provider;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which response format each route of a run asks in: the one configured for its model, until the route refuses
 * {@code json_schema}; from then on {@code json_object}, for the rest of the run. Kept by the run's chain, not by
 * the process: another run, or a process of its own, asks the provider afresh.
 */
final class StructuredOutputs {

    private final ChainTracker tracker;
    private final Set<Route> withoutSchema = ConcurrentHashMap.newKeySet();

    StructuredOutputs(ChainTracker tracker) {
        this.tracker = tracker;
    }

    /** What a request on {@code route} asks for, from the options {@code configured} for its model. */
    RequestOptions adapt(Route route, RequestOptions configured) {
        return configured.structuredOutput() == StructuredOutput.JSON_SCHEMA && withoutSchema.contains(route)
                ? configured.withJsonObject()
                : configured;
    }

    /** {@code route} refused {@code json_schema}: it asks in {@code json_object} from now on, recorded once. */
    void refused(Route route, ProviderCallException refusal) {
        if (withoutSchema.add(route)) {
            tracker.structuredOutputDowngraded(route, refusal);
        }
    }
}
