package dev.legalgen.job;

import dev.legalgen.chain.ProviderChains;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes a failed execution's exit description the cause that decided it ({@link ExecutionFailures}), while
 * the failures are still in memory: Batch would keep the partitioned step's "Partition handler returned an
 * unsuccessful step" with its stack trace, and {@code status} and the REST status, which read the repository
 * (from any process), would show that. Saved at once, before the chain is let go and the REST API reports the
 * execution ended. A run its budget stopped says so the same way: "budget reached: …; rerun with a larger …".
 */
@Component
@Order(JobListenerOrder.FAILURE_CAUSE)
class FailureCauseListener implements JobExecutionListener {

    /** Lazy: the repository's configuration builds the job, which holds this listener. */
    private final ObjectProvider<JobRepository> jobRepository;

    private final ProviderChains chains;

    FailureCauseListener(ObjectProvider<JobRepository> jobRepository, ProviderChains chains) {
        this.jobRepository = jobRepository;
        this.chains = chains;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String budgetReached = chains.budgetRefusal(execution.getId());
        if (budgetReached == null) { // batch mode: a round's submission refused a file
            budgetReached = BatchBudgetStop.refusal(execution);
        }
        String cause = execution.getStatus() == BatchStatus.FAILED
                ? ExecutionFailures.of(execution)
                : execution.getStatus() == BatchStatus.STOPPED ? budgetReached : null;
        if (cause == null) {
            return;
        }
        execution.setExitStatus(new ExitStatus(execution.getExitStatus().getExitCode(), cause));
        jobRepository.getObject().update(execution);
    }
}
