package dev.legalgen.operations;

import dev.legalgen.catalog.GenerationPlan;
import dev.legalgen.chain.ProviderChains;
import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.job.DatasetParameters;
import dev.legalgen.job.ExecutionFailures;
import dev.legalgen.job.JobSettings;
import dev.legalgen.job.PlanFactory;
import dev.legalgen.job.PlanFingerprint;
import dev.legalgen.job.RunMode;
import dev.legalgen.job.UsageException;
import dev.legalgen.provider.ChainSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts dataset job executions with the restart rules the README states (Command line), for the
 * command line and the REST API alike.
 */
@Component
public class DatasetLauncher {

    private static final Logger log = LoggerFactory.getLogger(DatasetLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final PlanFactory plans;
    private final ProviderChains chains;
    private final JobSettings settings;
    private final InstanceLocks locks;
    private final Executions executions;

    public DatasetLauncher(
            JobOperator jobOperator,
            JobRepository jobRepository,
            Job legalDatasetJob,
            PlanFactory plans,
            ProviderChains chains,
            JobSettings settings,
            InstanceLocks locks,
            Executions executions) {
        this.executions = executions;
        this.settings = settings;
        this.locks = locks;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = legalDatasetJob;
        this.plans = plans;
        this.chains = chains;
    }

    /** The chain used when the {@code chain} parameter is absent ({@code legalgen.job.chain}). */
    public String defaultChain() {
        return settings.chain();
    }

    /**
     * Runs the instance the parameters name: a new one, or the restart of a FAILED/STOPPED one.
     * A COMPLETED instance is reported and not run again, so scheduler reruns are harmless.
     */
    public Outcome start(DatasetParameters params, boolean recoverStale) {
        return launch(params, recoverStale, jobOperator).outcome();
    }

    /**
     * What {@link #start} does, on {@code operator}, which may run the job on another thread (the REST
     * API's): then the outcome is the new execution, still running, and {@link Launch#launched} tells it
     * from a refusal (already complete, already running, not restartable).
     */
    public Launch launch(DatasetParameters params, boolean recoverStale, JobOperator operator) {
        try {
            chains.validate(params.chain());
        } catch (ChainSpec.InvalidChainException e) {
            throw UsageException.ofChain(e);
        }
        List<String> unpriced = params.maxCostUsd() == null ? List.of() : chains.unpriced(params.chain());
        if (!unpriced.isEmpty()) {
            throw UsageException.of(
                    DatasetParameters.MAX_COST_USD,
                    "a budget in dollars needs the price of every model the chain may call; "
                            + String.join(", ", unpriced) + (unpriced.size() == 1 ? " is" : " are")
                            + " not set: set input-per-million and output-per-million there, leave those models out"
                            + " of the chain, or use maxTokens");
        }
        if (params.mode() == RunMode.BATCH && chains.batchTarget(params.chain()).isEmpty()) {
            throw UsageException.of(
                    DatasetParameters.MODE,
                    "mode=batch needs a provider of the chain that takes batches of its model, and none of "
                            + params.chain() + " does: set legalgen.providers.<name>.batch.enabled=true (and its"
                            + " models) for one that has a Batch API, e.g. groq, or use chain=simulator, or mode=sync");
        }
        GenerationPlan plan = plans.plan(params);
        JobParameters jobParameters = params.toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(DatasetJobConfiguration.JOB_NAME, jobParameters);
        InstanceLocks.Lock lock = locks.tryLock(jobParameters);
        try {
            if (!lock.acquired()) {
                return Launch.refused(AlreadyRunning.elsewhere(last));
            }
            if (last != null) {
                Optional<Outcome> refusal = refuseRestart(last, params, recoverStale);
                if (refusal.isPresent()) {
                    return Launch.refused(refusal.get());
                }
                PlanFingerprint.requireUnchanged(last, plan);
                log.info(
                        "Restarting instance {} after execution {} ended {}",
                        last.getJobInstance().getInstanceId(),
                        last.getId(),
                        last.getStatus());
            }
            params.checkOutputWritable();
            JobExecution execution = operator.start(job, jobParameters);
            lock = locks.holdUntilEnd(execution, lock); // an asynchronous operator returns while the job runs
            return new Launch(finished(execution), true);
        } catch (JobExecutionAlreadyRunningException e) {
            return Launch.refused(AlreadyRunning.elsewhere(last));
        } catch (JobInstanceAlreadyCompleteException e) {
            return Launch.refused(Outcome.refused(
                    Refusal.COMPLETE, last == null ? null : last.getId(), "already complete: " + params));
        } catch (JobRestartException e) {
            return Launch.refused(
                    Outcome.refused(Refusal.NOT_RESTARTABLE, last == null ? null : last.getId(), e.getMessage()));
        } catch (UsageException e) {
            throw e; // the user's to fix (exit 2), not a failure to launch
        } catch (Exception e) {
            throw new IllegalStateException("could not launch the job: " + e.getMessage(), e);
        } finally {
            lock.close();
        }
    }

    /** The outcome of a launch; {@code launched} is false when the restart rules refused it. */
    public record Launch(Outcome outcome, boolean launched) {

        static Launch refused(Outcome outcome) {
            return new Launch(outcome, false);
        }
    }

    /** Restarts a FAILED or STOPPED execution in this process. */
    public Outcome restart(String executionRef) {
        JobExecution execution = executions.find(executionRef);
        if (execution.isRunning()) {
            return AlreadyRunning.of(execution, locks, "restart " + execution.getId());
        }
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            return Outcome.refused(
                    Refusal.NOT_RESTARTABLE,
                    execution.getId(),
                    "execution " + execution.getId() + " is " + execution.getStatus()
                            + "; only FAILED or STOPPED executions restart");
        }
        DatasetParameters params = DatasetParameters.from(execution.getJobParameters());
        PlanFingerprint.requireUnchanged(execution, plans.plan(params));
        params.checkOutputWritable();
        try (InstanceLocks.Lock lock = locks.tryLock(execution.getJobParameters())) {
            if (!lock.acquired()) {
                return AlreadyRunning.elsewhere(execution);
            }
            return finished(jobOperator.restart(execution));
        } catch (JobRestartException e) {
            if (e.getCause() instanceof JobExecutionAlreadyRunningException) {
                return AlreadyRunning.elsewhere(execution);
            }
            return Outcome.refused(Refusal.NOT_RESTARTABLE, execution.getId(), e.getMessage());
        }
    }

    private Optional<Outcome> refuseRestart(JobExecution last, DatasetParameters params, boolean recoverStale) {
        switch (last.getStatus()) {
            case COMPLETED:
                return Optional.of(Outcome.refused(Refusal.COMPLETE, last.getId(), alreadyComplete(last, params)));
            case ABANDONED:
                return Optional.of(Outcome.refused(
                        Refusal.ABANDONED,
                        last.getId(),
                        "execution " + last.getId()
                                + " was abandoned and will not restart; use start --next for a new instance"));
            case STARTING:
            case STARTED:
            case STOPPING:
                if (recoverStale) {
                    log.warn(
                            "Recovering execution {} left {} by a process that is gone (--recover-stale)",
                            last.getId(),
                            last.getStatus());
                    jobOperator.recover(last);
                    return Optional.empty();
                }
                // we hold the instance's lock, so no live process runs it: it was left behind
                return Optional.of(
                        AlreadyRunning.leftBehind(last, "rerun this command (or rerun it with start --recover-stale)"));
            default:
                return Optional.empty();
        }
    }

    /** Where the export is, and, when another {@code output} was asked for, that it does not move. */
    private static String alreadyComplete(JobExecution last, DatasetParameters params) {
        Path exported = DatasetParameters.exportFileOf(last);
        String message = "already complete (execution " + last.getId() + "); its export is " + exported;
        if (params.output() != null
                && !Path.of(params.output()).toAbsolutePath().normalize().equals(exported)) {
            return message + ". output= does not re-export a completed instance: copy that file to " + params.output()
                    + ", or use start --next to generate a new instance";
        }
        return message + "; nothing to do. Use start --next for a new instance with the same parameters";
    }

    /** A completed instance short of its target: the slots whose every attempt failed, and where they are told. */
    private static String missing(JobExecution execution) {
        int target = DatasetParameters.from(execution.getJobParameters()).targetCount();
        long exported = execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(DatasetJobConfiguration.EXPORT_STEP))
                .mapToLong(StepExecution::getWriteCount)
                .sum();
        return exported >= target
                ? ""
                : "; " + (target - exported) + " of " + target + " slots missing after the backfill (status "
                        + execution.getId() + " names them and why)";
    }

    private Outcome finished(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        // the counts as stored: remote partitions are counted in their workers, not in this process's objects
        StringBuilder message = new StringBuilder("execution ")
                .append(execution.getId())
                .append(' ')
                .append(status)
                .append(": ")
                .append(ExecutionReports.throughput(jobRepository.getJobExecution(execution.getId())));
        if (status == BatchStatus.FAILED) {
            message.append("; ")
                    .append(ExecutionFailures.of(execution))
                    .append(". Fix the cause, then rerun the same command to continue from the last commit");
        } else if (status == BatchStatus.STOPPED) {
            String description = execution.getExitStatus().getExitDescription();
            message.append(
                    description.startsWith(ProviderChains.BUDGET_REACHED)
                            ? "; " + description + " from the last commit"
                            : "; rerun the same command to continue from the last commit");
        } else if (status == BatchStatus.COMPLETED) {
            message.append(missing(execution))
                    .append("; exported to ")
                    .append(DatasetParameters.exportFileOf(execution));
        }
        return Outcome.of(ExitCode.of(status), execution.getId(), message.toString());
    }
}
