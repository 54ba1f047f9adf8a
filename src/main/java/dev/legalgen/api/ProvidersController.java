package dev.legalgen.api;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.operations.Executions;
import dev.legalgen.provider.ProviderChain;
import dev.legalgen.provider.ProviderRateLimiter;
import dev.legalgen.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/providers}: the providers' usability and, for one execution, each route with its breaker, its
 * provider's headroom (while the execution runs in this server), its failures by category over the run and over the
 * last {@link #RECENT} minutes, and the timeline of switches and breaker transitions with their reasons, from {@code
 * generation_event}: the store the status counts its events from. A run in another process (a CLI start, the
 * workers of a remote run) shows each breaker as its processes last recorded it.
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

    /** How far back "recent failures" look: long enough to see a storm, short enough to see it end. */
    static final Duration RECENT = Duration.ofMinutes(10);

    private static final EventStore.RouteFailures NO_FAILURES = new EventStore.RouteFailures(Map.of(), Map.of());

    private final ProviderChains chains;
    private final Executions executions;
    private final EventStore events;
    private final Clock clock;

    ProvidersController(ProviderChains chains, Executions executions, EventStore events, Clock clock) {
        this.chains = chains;
        this.executions = executions;
        this.events = events;
        this.clock = clock;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProvidersBody(
            Map<String, String> providers,
            long executionId,
            boolean live,
            long recentSeconds,
            List<RouteBody> routes,
            List<Switch> events) {}

    /**
     * {@code breaker} is the breaker's state in this server while the execution runs here ({@code breaker_reported_at}
     * null), else its latest recorded transition and when (both null when it never moved); {@code rate_limit} (its
     * provider's) is null when the execution does not run here: the headers went with the process that read them.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RouteBody(
            String route,
            String provider,
            String model,
            String breaker,
            Instant breakerReportedAt,
            RateLimitBody rateLimit,
            Map<String, Long> failures,
            Map<String, Long> recentFailures) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Switch(Instant time, String kind, String route, String category, String reason) {}

    @GetMapping("/api/providers")
    ProvidersBody providers(@RequestParam(name = "execution_id", required = false) Long executionId) {
        JobExecution execution = executions.find(executionId == null ? Executions.LAST : String.valueOf(executionId));
        long instanceId = execution.getJobInstance().getInstanceId();
        ProviderChain chain = chains.running().get(execution.getId());
        Map<String, EventStore.RouteFailures> failures =
                events.failuresByRoute(instanceId, clock.instant().minus(RECENT));
        Map<String, RouteBody> routes = new LinkedHashMap<>();
        if (chain != null) {
            Map<String, ProviderRateLimiter> limiters = chain.limiters();
            chain.breakerStates().forEach((route, state) -> {
                String name = route.toString();
                ProviderRateLimiter limiter = limiters.get(route.provider());
                routes.put(
                        name,
                        new RouteBody(
                                name,
                                route.provider(),
                                route.model(),
                                state.name(),
                                null,
                                limiter == null ? null : RateLimitBody.of(limiter),
                                failures.getOrDefault(name, NO_FAILURES).all(),
                                failures.getOrDefault(name, NO_FAILURES).recent()));
            });
        }
        // routes the run left, or all of a run in another process: the breakers as its processes recorded them
        Map<String, EventStore.BreakerReport> reported =
                chain == null ? events.latestBreakerStates(instanceId, execution.getId()) : Map.of();
        Set<String> others = new TreeSet<>(failures.keySet());
        others.addAll(reported.keySet());
        others.forEach(name -> routes.computeIfAbsent(name, n -> {
            EventStore.BreakerReport report = reported.get(n);
            int colon = n.indexOf(':');
            return new RouteBody(
                    n,
                    n.substring(0, colon),
                    n.substring(colon + 1),
                    report == null ? null : report.state(),
                    report == null ? null : report.at(),
                    null,
                    failures.getOrDefault(n, NO_FAILURES).all(),
                    failures.getOrDefault(n, NO_FAILURES).recent());
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
                chains.usability(),
                execution.getId(),
                chain != null,
                RECENT.toSeconds(),
                List.copyOf(routes.values()),
                timeline);
    }
}
