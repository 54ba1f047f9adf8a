package dev.legalgen.job;

import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.generation.LegalSample;
import dev.legalgen.provider.ProviderCallException;
import dev.legalgen.store.EventStore;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Records every skipped item in {@code generation_event}, with its category and slot. */
@Component
class SkipRecorder implements SkipListener<GenerationRequest, LegalSample> {

    static final String SKIP = "skip";

    private static final Logger log = LoggerFactory.getLogger(SkipRecorder.class);

    private final EventStore events;

    SkipRecorder(EventStore events) {
        this.events = events;
    }

    @Override
    public void onSkipInProcess(GenerationRequest item, Throwable t) {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        ProviderCallException failure = (ProviderCallException) t; // the skip policy skips nothing else
        log.warn("Skipped slot {} ({} / {}): {}", item.slot(), item.topicLabel(), item.difficulty(), t.getMessage());
        events.record(new EventStore.Event(
                step.getJobExecution().getJobInstance().getInstanceId(),
                step.getJobExecutionId(),
                Instant.now(),
                SKIP,
                failure.provider(),
                failure.model(),
                failure.category().label(),
                item.slot(),
                String.valueOf(t.getMessage())));
    }
}
