package dev.legalgen.job;

import dev.legalgen.generation.LegalSample;
import dev.legalgen.generation.Rejection;
import dev.legalgen.store.EventStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records what the quality checks decided: one {@code generation_event} per rejected generation and reason (kind
 * {@value #REASK} when the slot is asked again, {@value #REJECTED} when it is given up, followed by its skip), and the
 * counters {@code legalgen.quality.rejections} (reason, outcome = reasked or given_up) and
 * {@code legalgen.quality.citations} (check, of accepted samples). The events are what {@code status} counts: they
 * hold across restarts and processes, where the counters are this process's.
 */
@Component
public class QualityRecorder {

    public static final String REASK = "reask";
    public static final String REJECTED = "rejected";

    private final EventStore events;
    private final MeterRegistry registry;
    private final Clock clock;

    QualityRecorder(EventStore events, MeterRegistry registry, Clock clock) {
        this.events = events;
        this.registry = registry;
        this.clock = clock;
    }

    void rejected(long jobExecutionId, LegalSample sample, List<Rejection> rejections, boolean reasked) {
        for (Rejection rejection : rejections) {
            events.record(new EventStore.Event(
                    sample.jobInstanceId(),
                    jobExecutionId,
                    clock.instant(),
                    reasked ? REASK : REJECTED,
                    sample.provider(),
                    sample.model(),
                    rejection.reason().label(),
                    sample.slot(),
                    rejection.problem()));
            Counter.builder("legalgen.quality.rejections")
                    .description("Generations rejected by the quality checks")
                    .tags("reason", rejection.reason().label(), "outcome", reasked ? "reasked" : "given_up")
                    .register(registry)
                    .increment();
        }
    }

    void accepted(LegalSample sample) {
        if (sample.citationCheck() != null) {
            Counter.builder("legalgen.quality.citations")
                    .description("Accepted samples by the outcome of their citation check")
                    .tag("check", sample.citationCheck().jsonName())
                    .register(registry)
                    .increment();
        }
    }
}
