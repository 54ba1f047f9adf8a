package dev.legalgen.job;

import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.generation.LegalSample;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

/**
 * A step ends only when its items do. Batch does not wait for the rest of a chunk once one item failed:
 * without this the job could end, and its process exit or its next run start, while calls it made were
 * still out. The processor gives up the waits of a failed step's items, so only calls already sent are
 * waited for, at most for the job's shutdown timeout.
 */
final class ItemsInFlight implements ItemProcessListener<GenerationRequest, LegalSample>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ItemsInFlight.class);

    private final Duration maxWait;
    private final Map<Long, int[]> counts = new ConcurrentHashMap<>();

    ItemsInFlight(Duration maxWait) {
        this.maxWait = maxWait;
    }

    @Override
    public void beforeProcess(GenerationRequest item) {
        int[] count = counts.computeIfAbsent(stepId(), id -> new int[1]);
        synchronized (count) {
            count[0]++;
        }
    }

    @Override
    public void afterProcess(GenerationRequest item, LegalSample result) {
        ended();
    }

    @Override
    public void onProcessError(GenerationRequest item, Exception e) {
        ended();
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        int[] count = counts.get(step.getId());
        if (count == null) {
            return null;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (count) {
            while (count[0] > 0 && System.nanoTime() < deadline) {
                try {
                    count.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (count[0] > 0) {
                log.warn(
                        "{}: {} calls still out after {}; the step ends without them",
                        step.getStepName(),
                        count[0],
                        maxWait);
            }
        }
        counts.remove(step.getId());
        return null;
    }

    private void ended() {
        int[] count = counts.get(stepId());
        if (count != null) {
            synchronized (count) {
                count[0]--;
                count.notifyAll();
            }
        }
    }

    private static long stepId() {
        return StepSynchronizationManager.getContext().getStepExecution().getId();
    }
}
