package dev.legalgen.job;

import dev.legalgen.generation.LegalSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/**
 * A line per chunk at INFO, for logs and for whoever watches a scheduler's output. (A chunk step
 * with a task executor never calls ChunkListeners; write listeners run on the step's thread.)
 */
@Component
class ChunkProgressLog implements ItemWriteListener<LegalSample> {

    private static final Logger log = LoggerFactory.getLogger(ChunkProgressLog.class);

    @Override
    public void afterWrite(Chunk<? extends LegalSample> items) {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null || items.isEmpty()) {
            return;
        }
        StepExecution step = context.getStepExecution();
        log.info("{}: wrote slots {}-{} ({} samples, {} written in this partition, {} skipped)", step.getStepName(),
                items.getItems().get(0).slot(), items.getItems().get(items.size() - 1).slot(), items.size(),
                step.getWriteCount() + items.size(), step.getSkipCount());
    }
}
