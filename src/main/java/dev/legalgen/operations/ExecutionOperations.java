package dev.legalgen.operations;

import dev.legalgen.batchmode.BatchCancellation;
import dev.legalgen.chain.ProviderChains;
import dev.legalgen.job.DatasetParameters;
import dev.legalgen.job.RunMode;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** The operator's commands on an existing execution: stop, abandon, recover. */
@Component
public class ExecutionOperations {

    private final JobOperator jobOperator;
    private final Executions executions;
    private final ProviderChains chains;
    private final InstanceLocks locks;
    private final BatchCancellation cancellation;

    public ExecutionOperations(
            JobOperator jobOperator,
            Executions executions,
            ProviderChains chains,
            InstanceLocks locks,
            BatchCancellation cancellation) {
        this.jobOperator = jobOperator;
        this.executions = executions;
        this.chains = chains;
        this.locks = locks;
        this.cancellation = cancellation;
    }

    /** Asks a running execution (possibly in another process) to stop after its current chunk. */
    public Outcome stop(String executionRef) {
        JobExecution execution = executions.find(executionRef);
        try {
            jobOperator.stop(execution);
            chains.requestStop(execution.getId()); // when it runs in this process (serve): its waits end now
            return Outcome.of(
                    ExitCode.OK,
                    execution.getId(),
                    "execution " + execution.getId() + " will stop after its current chunk");
        } catch (JobExecutionNotRunningException e) {
            return Outcome.of(
                    ExitCode.NOT_RESTARTABLE,
                    execution.getId(),
                    "execution " + execution.getId() + " is not running (" + execution.getStatus() + ")");
        }
    }

    /**
     * Marks a FAILED or STOPPED execution ABANDONED: its instance will never run again. In batch mode its provider
     * batches that have not ended are cancelled first (a stop leaves them running, for a restart to await); the
     * samples committed stay.
     */
    public Outcome abandon(String executionRef) {
        JobExecution execution = executions.find(executionRef);
        if (execution.isRunning()) {
            return AlreadyRunning.of(execution, locks, "abandon " + execution.getId());
        }
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            return Outcome.of(
                    ExitCode.NOT_RESTARTABLE,
                    execution.getId(),
                    "execution " + execution.getId() + " is " + execution.getStatus()
                            + "; only FAILED or STOPPED executions can be abandoned");
        }
        int cancelled = cancelBatches(execution);
        try {
            jobOperator.abandon(execution);
        } catch (JobExecutionAlreadyRunningException e) {
            return AlreadyRunning.elsewhere(execution);
        }
        return Outcome.of(
                ExitCode.OK,
                execution.getId(),
                "execution " + execution.getId() + " abandoned"
                        + (cancelled == 0
                                ? ""
                                : "; " + cancelled + " provider batch" + (cancelled == 1 ? "" : "es")
                                        + " cancelled (the lines they completed are billed)"));
    }

    private int cancelBatches(JobExecution execution) {
        DatasetParameters params = DatasetParameters.from(execution.getJobParameters());
        if (params.mode() != RunMode.BATCH) {
            return 0;
        }
        return chains.batchTarget(params.chain())
                .map(target -> cancellation.cancel(execution.getJobInstance().getInstanceId(), target))
                .orElse(0);
    }

    /**
     * Marks an execution left STARTED by a crashed process FAILED, so that it can restart. Only the
     * operator knows that the old process is gone: this does not check.
     */
    public Outcome recover(String executionRef) {
        JobExecution execution = executions.find(executionRef);
        if (!execution.isRunning()) {
            return Outcome.of(
                    ExitCode.NOT_RESTARTABLE,
                    execution.getId(),
                    "execution " + execution.getId() + " is " + execution.getStatus()
                            + ", not left running: nothing to recover");
        }
        jobOperator.recover(execution);
        return Outcome.of(
                ExitCode.OK,
                execution.getId(),
                "execution " + execution.getId() + " marked FAILED; rerun the same start command (or restart "
                        + execution.getId() + ") to continue");
    }
}
