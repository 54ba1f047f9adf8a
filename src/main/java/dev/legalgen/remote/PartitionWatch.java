package dev.legalgen.remote;

import dev.legalgen.job.DatasetJobConfiguration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's watch over its remote partitions, while the generate step waits for them. A running partition
 * whose worker stopped renewing its claim for {@code legalgen.remote.dead-after} (killed, machine lost) is marked
 * FAILED in the job repository, so that the step ends instead of waiting forever; should that worker still be
 * alive, its next update of the partition fails on the repository's version check, so it cannot go on beside a
 * rerun. When the step ends, each failed partition's cause joins the step's failures, which the run's exit
 * description shows: the partitions' own exceptions stay in the workers.
 */
final class PartitionWatch implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionWatch.class);

    private final JobRepository jobRepository;
    private final PartitionClaims claims;
    private final RemoteSettings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "partition-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, ScheduledFuture<?>> watches = new ConcurrentHashMap<>();

    PartitionWatch(JobRepository jobRepository, PartitionClaims claims, RemoteSettings settings) {
        this.jobRepository = jobRepository;
        this.claims = claims;
        this.settings = settings;
    }

    @Override
    public void beforeStep(StepExecution manager) {
        long every = settings.pollInterval().toMillis();
        long jobExecutionId = manager.getJobExecutionId();
        watches.put(
                manager.getId(),
                timer.scheduleWithFixedDelay(
                        () -> failTheAbandoned(jobExecutionId), every, every, TimeUnit.MILLISECONDS));
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        ScheduledFuture<?> watch = watches.remove(manager.getId());
        if (watch != null) {
            watch.cancel(false);
        }
        Map<Long, String> workers = claims.workersOf(manager.getJobExecutionId());
        jobRepository.getJobExecution(manager.getJobExecutionId()).getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(DatasetJobConfiguration.WORKER_STEP))
                .filter(step -> step.getStatus() == BatchStatus.FAILED)
                .forEach(step -> manager.addFailureException(new PartitionFailedException(
                        step.getStepName(), workers.getOrDefault(step.getId(), "no worker"), step.getExitStatus())));
        return null;
    }

    private void failTheAbandoned(long jobExecutionId) {
        try {
            List<PartitionClaims.Running> running = claims.running(jobExecutionId);
            for (PartitionClaims.Running partition : running) {
                if (partition.sinceHeartbeat().compareTo(settings.deadAfter()) >= 0) {
                    fail(partition);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the workers of execution {}: {}", jobExecutionId, e.getMessage());
        }
    }

    private void fail(PartitionClaims.Running partition) {
        StepExecution step = jobRepository.getStepExecution(partition.stepExecutionId());
        if (step == null || !step.getStatus().isRunning()) {
            return;
        }
        String why = "worker " + partition.worker() + " stopped renewing its claim "
                + partition.sinceHeartbeat().toSeconds()
                + "s ago (legalgen.remote.dead-after " + settings.deadAfter() + "): it is gone; rerun the same start"
                + " to run this partition again";
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        step.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(step);
            log.error("{} of execution {} FAILED: {}", step.getStepName(), step.getJobExecutionId(), why);
        } catch (OptimisticLockingFailureException renewed) {
            // the worker updated it meanwhile: it is alive after all
        }
    }
}
