package dev.legalgen.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * A budget that kept a round's submission from sending a file stops the run once what was sent is ingested: the
 * ingest step ends STOPPED, so the job does, with the refusal as its exit description; a larger budget continues it.
 * The refusal is this execution's: a restart forgets the last one's ({@link #forget}).
 */
final class BatchBudgetStop implements StepExecutionListener {

    static final String REFUSAL = "batchBudgetRefusal";

    static void refused(JobExecution execution, String refusal) {
        execution.getExecutionContext().putString(REFUSAL, refusal);
    }

    /** The refusal that stopped this execution's submission, null when none did. */
    static String refusal(JobExecution execution) {
        return execution.getExecutionContext().containsKey(REFUSAL)
                ? execution.getExecutionContext().getString(REFUSAL)
                : null;
    }

    static void forget(JobExecution execution) {
        execution.getExecutionContext().remove(REFUSAL);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() == BatchStatus.COMPLETED && refusal(step.getJobExecution()) != null) {
            step.setStatus(BatchStatus.STOPPED);
            step.setExitStatus(ExitStatus.STOPPED);
        }
        return null;
    }
}
