package dev.legalgen.api;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.operations.Executions;
import dev.legalgen.provider.ProviderChain;
import dev.legalgen.provider.ProviderRateLimiter;
import dev.legalgen.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/providers}: the providers' usability and, for one execution, each route with its breaker (while
 * the execution runs in this server) and its failures by category, and the timeline of switches and breaker
 * transitions with their reasons, from {@code generation_event}: the store the status counts its events from.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProvidersController {

    /** The kinds of event the timeline shows: what changed the route the run calls, and why. */
    static final List<String> TIMELINE_KINDS = List.of(
            "model_switch",
            "provider_switch",
            "model_failed",
            "provider_out",
            "models_not_listed",
            "breaker_transition",
            "structured_output_downgraded");

    private static final int TIMELINE_LENGTH = 50;

    private final ProviderChains chains;
    private final Executions executions;
    private final EventStore events;

    ProvidersController(ProviderChains chains, Executions executions, EventStore events) {
        this.chains = chains;
        this.executions = executions;
        this.events = events;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProvidersBody(
            Map<String, String> providers,
            long executionId,
            boolean live,
            List<RouteBody> routes,
            List<Switch> events) {}

    /**
     * {@code breaker} and {@code rate_limit} (its provider's) are null when the execution does not run in this server:
     * they went with it.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RouteBody(
            String route,
            String provider,
            String model,
            String breaker,
            RateLimitBody rateLimit,
            Map<String, Long> failures) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Switch(Instant time, String kind, String route, String category, String reason) {}

    @GetMapping("/api/providers")
    ProvidersBody providers(@RequestParam(name = "execution_id", required = false) Long executionId) {
        JobExecution execution = executions.find(executionId == null ? Executions.LAST : String.valueOf(executionId));
        long instanceId = execution.getJobInstance().getInstanceId();
        ProviderChain chain = chains.running().get(execution.getId());
        Map<String, Map<String, Long>> failures = events.failuresByRoute(instanceId);
        Map<String, RouteBody> routes = new LinkedHashMap<>();
        if (chain != null) {
            Map<String, ProviderRateLimiter> limiters = chain.limiters();
            chain.breakerStates()
                    .forEach((route, state) -> routes.put(
                            route.toString(),
                            new RouteBody(
                                    route.toString(),
                                    route.provider(),
                                    route.model(),
                                    state.name(),
                                    limiters.containsKey(route.provider())
                                            ? RateLimitBody.of(limiters.get(route.provider()))
                                            : null,
                                    failures.getOrDefault(route.toString(), Map.of()))));
        }
        failures.forEach((name, counts) -> routes.computeIfAbsent(name, n -> {
            int colon = n.indexOf(':');
            return new RouteBody(n, n.substring(0, colon), n.substring(colon + 1), null, null, counts);
        }));
        List<Switch> timeline = new ArrayList<>();
        for (EventStore.Event event : events.latest(instanceId, TIMELINE_KINDS, TIMELINE_LENGTH)) {
            timeline.add(new Switch(
                    event.occurredAt(),
                    event.kind().toLowerCase(Locale.ROOT),
                    event.provider() == null ? null : event.provider() + ":" + event.model(),
                    event.category(),
                    event.reason()));
        }
        return new ProvidersBody(
                chains.usability(), execution.getId(), chain != null, List.copyOf(routes.values()), timeline);
    }
}
