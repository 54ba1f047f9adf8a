package dev.legalgen.job;

import dev.legalgen.provider.RunStoppedException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * A stop requested while a chunk's calls waited for their providers ends that chunk early: its items
 * end with {@link RunStoppedException}, the chunk rolls back (its slots stay for the restart) and Batch
 * marks the step FAILED. That is a stop, not a failure: the step ends STOPPED, as it would have at the
 * chunk's end, so the job ends STOPPED and the same command continues it.
 */
final class StopWhileWaiting implements StepExecutionListener {

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() == BatchStatus.FAILED
                && !step.getFailureExceptions().isEmpty()
                && step.getFailureExceptions().stream().allMatch(StopWhileWaiting::causedByStop)) {
            step.setStatus(BatchStatus.STOPPED);
            step.getFailureExceptions().clear();
            step.setExitStatus(ExitStatus.STOPPED);
        }
        return null;
    }

    private static boolean causedByStop(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RunStoppedException) {
                return true;
            }
        }
        return false;
    }
}
