package dev.legalgen.job;

import dev.legalgen.provider.ChainEvent;
import dev.legalgen.provider.ChainEventListener;
import dev.legalgen.provider.ChainSpec;
import dev.legalgen.provider.ChainState;
import dev.legalgen.provider.ProviderChain;
import dev.legalgen.provider.ProviderRateLimiter;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.provider.ProvidersProperties;
import dev.legalgen.provider.RouteOutages;
import dev.legalgen.provider.Sleeper;
import dev.legalgen.store.EventStore;
import dev.legalgen.provider.Completion;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One provider chain per job execution, shared by all its partitions, so that switches, breakers and
 * counters are the run's, not a partition's; the routes found out (key refused, model gone) and each
 * provider's rate limiter are shared by every run of the process. Its events go to
 * {@code generation_event}; its final state to the job's execution context. Every chain made here
 * (job or single request) also reports to the {@link ChainEventListener} beans, e.g. metrics.
 */
@Component
public class ProviderChains implements ChainValidator, JobExecutionListener {

    static final String CHAIN_STATE = "chainState";

    private static final Logger log = LoggerFactory.getLogger(ProviderChains.class);

    private final ProvidersProperties configured;
    private final SimulatorProvider simulator;
    private final ChainSettings settings;
    private final EventStore events;
    private final Clock clock;
    private final ObjectProvider<ChainEventListener> observers;
    private final ObjectProvider<JobRepository> jobRepository;
    private final Map<Long, ProviderChain> byExecution = new ConcurrentHashMap<>();
    private final Map<String, ProviderRateLimiter> limiters = new ConcurrentHashMap<>();
    /** What the runs of this process found out about routes, shared by the batches running side by side. */
    private final RouteOutages outages = new RouteOutages();

    public ProviderChains(ProvidersProperties configured, SimulatorProvider simulator, ChainSettings settings,
            EventStore events, Clock clock, ObjectProvider<ChainEventListener> observers,
            ObjectProvider<JobRepository> jobRepository) {
        this.configured = configured;
        this.simulator = simulator;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.observers = observers;
        this.jobRepository = jobRepository;
    }

    @Override
    public void validate(String chain) {
        try {
            ChainSpec spec = ChainSpec.parse(chain, providers(chain));
            spec.warnings().forEach(w -> log.warn("chain: {}", w));
        } catch (ChainSpec.InvalidChainException e) {
            throw UsageException.of(DatasetParameters.CHAIN, e.aboutModel() ? UsageException.MODEL : null, e.getMessage(), e);
        }
    }

    /** The chain of a running execution, created on first use. */
    public ProviderChain forExecution(JobExecution execution) {
        return byExecution.computeIfAbsent(execution.getId(), id -> {
            String chain = DatasetParameters.from(execution.getJobParameters()).chain();
            long instanceId = execution.getJobInstance().getInstanceId();
            ProvidersProperties providers = new ProvidersProperties(providers(chain));
            return ProviderChain.create(providers, chain, settings.toChainSettings(), clock, Sleeper.SYSTEM,
                    this::limiter, observed(event -> record(instanceId, id, event)), outages);
        });
    }

    /**
     * A new chain for one request outside any job (the REST API's single sample): its own breakers and
     * limiters, no event rows, but observed like a job's chain.
     * @throws UsageException when the chain names no usable provider
     */
    public ProviderChain forRequest(String chain) {
        validate(chain);
        return ProviderChain.create(new ProvidersProperties(providers(chain)), chain, settings.toChainSettings(), clock,
                Sleeper.SYSTEM, this::limiter, observed(ChainEventListener.NONE));
    }

    /** Ends the waits of an execution's chain, if it runs in this process, so that it stops after the calls in flight. */
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

    /** The chains of the executions running in this process, by execution id. */
    public Map<Long, ProviderChain> running() {
        return Map.copyOf(byExecution);
    }

    /** The configured providers and whether a chain could use them: {@code usable} or why not. */
    public Map<String, String> usability() {
        Map<String, String> usability = new LinkedHashMap<>();
        configured.providers().forEach((name, provider) -> usability.put(name, provider.apiKey().isPresent()
                ? "usable" : "no key (set " + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY)"));
        usability.putIfAbsent(SimulatorProvider.NAME, "usable (built-in, started on first use)");
        return usability;
    }

    /**
     * Saves the chain's final state in the job's context. The job does not save its context after the
     * listeners ran, so this does; the chain stays visible as live until the saved state is there.
     */
    @Override
    public void afterJob(JobExecution execution) {
        ProviderChain chain = byExecution.get(execution.getId());
        if (chain != null) {
            execution.getExecutionContext().putString(CHAIN_STATE, ChainStates.toJson(chain.state()));
            jobRepository.getObject().updateExecutionContext(execution);
            byExecution.remove(execution.getId());
        }
    }

    /** One rate limiter per provider for the whole process, shared by every chain that uses it. */
    private ProviderRateLimiter limiter(String provider, ProviderSettings settings) {
        return limiters.computeIfAbsent(provider, name -> new ProviderRateLimiter(name, settings, clock, Sleeper.SYSTEM));
    }

    /** The configured providers, plus the built-in simulator when the chain names it. */
    private Map<String, ProviderSettings> providers(String chain) {
        Map<String, ProviderSettings> providers = new LinkedHashMap<>(configured.providers());
        boolean namesSimulator = chain != null && Arrays.stream(chain.split(","))
                .map(e -> e.split(":", 2)[0].trim())
                .anyMatch(SimulatorProvider.NAME::equals);
        if (namesSimulator && !providers.containsKey(SimulatorProvider.NAME)) {
            providers.put(SimulatorProvider.NAME, simulator.providerSettings());
        }
        return providers;
    }

    /** {@code listener} plus every {@link ChainEventListener} bean. */
    private ChainEventListener observed(ChainEventListener listener) {
        List<ChainEventListener> all = observers.orderedStream().toList();
        if (all.isEmpty()) {
            return listener;
        }
        return new ChainEventListener() {
            @Override
            public void onEvent(ChainEvent event) {
                listener.onEvent(event);
                all.forEach(observer -> observer.onEvent(event));
            }

            @Override
            public void onCompletion(Completion completion) {
                listener.onCompletion(completion);
                all.forEach(observer -> observer.onCompletion(completion));
            }
        };
    }

    private void record(long instanceId, long executionId, ChainEvent event) {
        if (event.type() != ChainEvent.Type.FAILURE && event.type() != ChainEvent.Type.RETRY) {
            log.warn("{} {}: {}", event.type(), event.route(), event.reason());
        }
        events.record(new EventStore.Event(instanceId, executionId, event.time(),
                event.type().name().toLowerCase(Locale.ROOT),
                event.route() == null ? null : event.route().provider(),
                event.route() == null ? null : event.route().model(),
                event.category() == null ? null : event.category().label(), null, event.reason()));
    }
}
