package dev.legalgen.chain;

import dev.legalgen.provider.BatchApiClient;
import dev.legalgen.provider.ChainEvent;
import dev.legalgen.provider.ChainEventListener;
import dev.legalgen.provider.ChainSpec;
import dev.legalgen.provider.ChainState;
import dev.legalgen.provider.ProviderChain;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.provider.ProvidersProperties;
import dev.legalgen.provider.RouteOutages;
import dev.legalgen.provider.Sleeper;
import dev.legalgen.provider.Spending;
import dev.legalgen.store.EventStore;
import dev.legalgen.store.SpendLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The chains of the runs in this process: one per job execution, shared by all its partitions, so that
 * switches, breakers and counters are the run's, not a partition's; the routes found out (key refused,
 * model gone) and each provider's rate limiter are shared by every run of the process. A run's events go
 * to {@code generation_event}; every chain made here (run or single request) also reports to the
 * {@link ChainEventListener} beans, e.g. metrics.
 */
@Component
public class ProviderChains {

    /** How the exit description of an execution its budget stopped begins. */
    public static final String BUDGET_REACHED = "budget reached: ";

    private static final Logger log = LoggerFactory.getLogger(ProviderChains.class);

    private final ProviderRegistry providers;
    private final RateLimiterRegistry limiters;
    private final ChainSettings settings;
    private final EventStore events;
    private final SpendLedger ledger;
    private final Clock clock;
    private final ObjectProvider<ChainEventListener> observers;
    private final Map<Long, ProviderChain> byExecution = new ConcurrentHashMap<>();
    private final Map<String, BatchApiClient> batchClients = new ConcurrentHashMap<>();
    /** What the runs of this process found out about routes, shared by the batches running side by side. */
    private final RouteOutages outages = new RouteOutages();
    /**
     * With remote partitioning, what the processes of a run found out about its routes; each run then has outages
     * of its own, since its preflight (in the manager) is not this process's.
     */
    private final SharedRouteHealth sharedHealth;

    ProviderChains(
            ProviderRegistry providers,
            RateLimiterRegistry limiters,
            ChainSettings settings,
            EventStore events,
            SpendLedger ledger,
            Clock clock,
            ObjectProvider<ChainEventListener> observers,
            ObjectProvider<SharedRouteHealth> sharedHealth) {
        this.sharedHealth = sharedHealth.getIfAvailable(() -> SharedRouteHealth.NONE);
        this.providers = providers;
        this.limiters = limiters;
        this.settings = settings;
        this.events = events;
        this.ledger = ledger;
        this.clock = clock;
        this.observers = observers;
    }

    /**
     * Checks a chain spec against the providers, logging its warnings (a provider left out for want of a key).
     * @throws ChainSpec.InvalidChainException naming the bad entry and the usable providers and models
     */
    public void validate(String chain) {
        ChainSpec.parse(chain, providers.forChain(chain).providers(), providers.names())
                .warnings()
                .forEach(w -> log.warn("chain: {}", w));
    }

    /**
     * The models of {@code chain} without a price, each as the property that would give it one; a budget in dollars
     * cannot be kept with calls of unknown cost.
     */
    public List<String> unpriced(String chain) {
        ProvidersProperties properties = providers.forChain(chain);
        return ChainSpec.parse(chain, properties.providers()).routes().stream()
                .filter(route ->
                        !properties.providers().get(route.provider()).prices().containsKey(route.model()))
                .map(route -> "legalgen.providers." + route.provider() + ".prices[" + route.model() + "]")
                .toList();
    }

    /**
     * Where a run of {@code chain} in batch mode sends its batches: the first route whose provider takes batches of
     * its model ({@code legalgen.providers.<name>.batch}); empty when none does. One client per provider, kept.
     */
    public Optional<BatchTarget> batchTarget(String chain) {
        ProvidersProperties properties = providers.forChain(chain);
        return ChainSpec.parse(chain, properties.providers()).routes().stream()
                .filter(route ->
                        properties.providers().get(route.provider()).batch().accepts(route.model()))
                .findFirst()
                .map(route -> {
                    ProviderSettings provider = properties.providers().get(route.provider());
                    BatchApiClient client = batchClients.computeIfAbsent(
                            route.provider(), name -> new BatchApiClient(name, provider, clock));
                    return new BatchTarget(route, provider, client);
                });
    }

    /** The chain of a running execution, created on first use, spending within {@code budget}. */
    public ProviderChain forRun(long executionId, long instanceId, String chain, Budget budget) {
        return byExecution.computeIfAbsent(executionId, id -> {
            ProvidersProperties properties = providers.forChain(chain);
            ProviderChain run = ProviderChain.create(
                    properties,
                    chain,
                    settings.toPolicy(),
                    clock,
                    Sleeper.SYSTEM,
                    limiters::limiter,
                    observed(event -> record(instanceId, id, event)),
                    sharedHealth == SharedRouteHealth.NONE ? outages : new RouteOutages(),
                    new RunSpending(
                            instanceId,
                            id,
                            budget,
                            ledger,
                            (route, usage) ->
                                    properties.providers().get(route.provider()).bill(route.model(), usage),
                            clock));
            sharedHealth.joined(id, run);
            return run;
        });
    }

    /** Why an execution running in this process stopped calling for its budget, null when it did not. */
    public String budgetRefusal(long executionId) {
        ProviderChain chain = byExecution.get(executionId);
        return chain == null ? null : chain.spendingRefusal();
    }

    /**
     * A new chain for one request outside any run (the REST API's single sample): its own breakers and
     * routes found out, the process's rate limiters, no event rows, but observed like a run's chain.
     * @throws ChainSpec.InvalidChainException when the chain names no usable provider
     */
    public ProviderChain forRequest(String chain) {
        validate(chain);
        return ProviderChain.create(
                providers.forChain(chain),
                chain,
                settings.toPolicy(),
                clock,
                Sleeper.SYSTEM,
                limiters::limiter,
                observed(ChainEventListener.NONE),
                new RouteOutages(),
                Spending.UNLIMITED);
    }

    /**
     * Ends the waits of an execution's chain, if it runs in this process, so that it stops after the calls in flight.
     */
    public void requestStop(long executionId) {
        ProviderChain chain = byExecution.get(executionId);
        if (chain != null) {
            chain.requestStop();
        }
    }

    /** The state of a chain still running in this process, if any. */
    public ChainState state(long executionId) {
        ProviderChain chain = byExecution.get(executionId);
        return chain == null ? null : chain.state();
    }

    /** The run ended: its chain's last state (null when it ran no chain here), and the chain is let go. */
    public ChainState finish(long executionId) {
        ProviderChain chain = byExecution.remove(executionId);
        sharedHealth.left(executionId);
        return chain == null ? null : chain.state();
    }

    /** The chains of the executions running in this process, by execution id. */
    public Map<Long, ProviderChain> running() {
        return Map.copyOf(byExecution);
    }

    /** The configured providers and whether a chain could use them. */
    public Map<String, String> usability() {
        return providers.usability();
    }

    /** {@code listener} plus every {@link ChainEventListener} bean. */
    private ChainEventListener observed(ChainEventListener listener) {
        List<ChainEventListener> all = new ArrayList<>(List.of(listener));
        observers.orderedStream().forEach(all::add);
        return ChainEventListener.all(all);
    }

    private void record(long instanceId, long executionId, ChainEvent event) {
        if (event.type() != ChainEvent.Type.FAILURE && event.type() != ChainEvent.Type.RETRY) {
            log.warn("{} {}: {}", event.type(), event.route(), event.reason());
        }
        events.record(new EventStore.Event(
                instanceId,
                executionId,
                event.time(),
                event.type().name().toLowerCase(Locale.ROOT),
                event.route() == null ? null : event.route().provider(),
                event.route() == null ? null : event.route().model(),
                eventCategory(event),
                null,
                event.reason()));
    }

    /** A failure's category, or the state a breaker moved to: what the dashboard reads of routes it does not run. */
    private static String eventCategory(ChainEvent event) {
        if (event.breakerState() != null) {
            return event.breakerState().name();
        }
        return event.category() == null ? null : event.category().label();
    }
}
