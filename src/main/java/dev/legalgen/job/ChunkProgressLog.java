package dev.legalgen.job;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.generation.LegalSample;
import dev.legalgen.provider.ChainState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/**
 * Per chunk: a line at INFO, for logs and for whoever watches a scheduler's output, and the
 * provider chain's counters in the partition's execution context, committed with the chunk, so
 * that {@code status} in another process shows them live; public for its logger's name, which the terminal's
 * progress line keeps quiet while it shows. (A chunk step with a task executor
 * never calls ChunkListeners; write listeners run on the step's thread, inside the chunk.)
 */
@Component
public class ChunkProgressLog implements ItemWriteListener<LegalSample> {

    private static final Logger log = LoggerFactory.getLogger(ChunkProgressLog.class);

    private final ProviderChains chains;

    ChunkProgressLog(ProviderChains chains) {
        this.chains = chains;
    }

    @Override
    public void afterWrite(Chunk<? extends LegalSample> items) {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null || items.isEmpty()) {
            return;
        }
        StepExecution step = context.getStepExecution();
        ChainState state = chains.state(step.getJobExecutionId());
        if (state != null) {
            step.getExecutionContext().putString(ChainStates.KEY, ChainStates.toJson(state));
        }
        log.info(
                "{}: wrote slots {}-{} ({} samples, {} written in this partition, {} skipped)",
                step.getStepName(),
                items.getItems().get(0).slot(),
                items.getItems().get(items.size() - 1).slot(),
                items.size(),
                step.getWriteCount() + items.size(),
                step.getSkipCount());
    }
}
