package dev.legalgen.job;

import dev.legalgen.batchmode.BatchPolling;
import dev.legalgen.batchmode.BatchSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The await step of a round: polls its batches until all have ended, every {@code legalgen.batch.poll-interval} at
 * first and twice as long after each look that saw no change, up to {@code max-poll-interval}. Between looks it hands
 * back to Batch at least every {@link #SLICE}, so that a stop (SIGTERM, or {@code stop} from another process, which
 * Batch reads from the repository at each commit) ends the step STOPPED within seconds; the batches go on at the
 * provider, and the same command resumes polling them, with the wait saved in the step's context.
 */
final class BatchAwaitTasklet implements Tasklet {

    static final Duration SLICE = Duration.ofSeconds(5);
    private static final String NEXT_LOOK = "batch.nextLookAt";
    private static final String WAIT = "batch.waitMillis";
    private static final String LOOKED_IN = "batch.lookedInStep";
    private static final long TICK_MILLIS = 50;

    private final int round;
    private final BatchRuns runs;
    private final BatchPolling polling;
    private final BatchSettings settings;
    private final Clock clock;

    BatchAwaitTasklet(int round, BatchRuns runs, BatchPolling polling, BatchSettings settings, Clock clock) {
        this.round = round;
        this.runs = runs;
        this.polling = polling;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        StepExecution step = contribution.getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        long now = clock.millis();
        // a restart looks at once: the wait saved is the stopped execution's
        long nextLook = context.getLong(LOOKED_IN, -1L) == step.getId() ? context.getLong(NEXT_LOOK, 0L) : 0L;
        if (now >= nextLook) {
            BatchPolling.Look look = polling.poll(runs.of(step.getJobExecution()), round);
            if (look.allEnded()) {
                return RepeatStatus.FINISHED;
            }
            long wait = look.changed() || !context.containsKey(WAIT)
                    ? settings.pollInterval().toMillis()
                    : Math.min(settings.maxPollInterval().toMillis(), 2 * context.getLong(WAIT));
            context.putLong(WAIT, wait);
            nextLook = now + wait;
            context.putLong(NEXT_LOOK, nextLook);
            context.putLong(LOOKED_IN, step.getId());
        }
        long until = Math.min(nextLook, now + SLICE.toMillis());
        while (clock.millis() < until && !stopping(step)) {
            Thread.sleep(Math.min(TICK_MILLIS, Math.max(1, until - clock.millis())));
        }
        return RepeatStatus.CONTINUABLE;
    }

    private static boolean stopping(StepExecution step) {
        return step.isTerminateOnly() || step.getJobExecution().getStatus() == BatchStatus.STOPPING;
    }
}
