package dev.legalgen.remote;

import com.rabbitmq.client.Channel;
import dev.legalgen.chain.ProviderChains;
import dev.legalgen.job.JobSettings;
import dev.legalgen.job.PartitionsHere;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

/**
 * A worker's partitions: each request from the queue runs the {@code generateWorker} step on the step execution it
 * names, once. Spring Batch's {@code StepExecutionRequestHandler} would run whatever it is handed; this one runs only
 * a partition that never started, of a run still running, that it claimed first ({@link PartitionClaims}), so that a
 * request the broker delivers again (after a broker restart, or a worker's lost connection) is not run twice. A
 * request is acknowledged when its step execution has ended, or at once when it is not run. SIGTERM stops the
 * partitions after their current chunk, STOPPED for a restart, before the listener lets go of the queue.
 */
final class PartitionRunner implements ChannelAwareMessageListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartitionRunner.class);

    private final Step workerStep;
    private final JobRepository jobRepository;
    private final PartitionClaims claims;
    private final ProviderChains chains;
    private final PartitionsHere partitionsHere;
    private final RemoteSettings settings;
    private final JobSettings jobSettings;
    private final WorkerIdentity worker = WorkerIdentity.ofThisProcess();
    private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "partition-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean active;

    PartitionRunner(
            Step workerStep,
            JobRepository jobRepository,
            PartitionClaims claims,
            ProviderChains chains,
            PartitionsHere partitionsHere,
            RemoteSettings settings,
            JobSettings jobSettings) {
        this.partitionsHere = partitionsHere;
        this.workerStep = workerStep;
        this.jobRepository = jobRepository;
        this.claims = claims;
        this.chains = chains;
        this.settings = settings;
        this.jobSettings = jobSettings;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        StepExecutionRequest request;
        try {
            request = PartitionMessages.fromAmqp(message);
        } catch (IllegalArgumentException unreadable) {
            log.error(
                    "Dropped a message on {} that is not a partition request: {}",
                    settings.queue(),
                    unreadable.getMessage());
            channel.basicReject(tag, false);
            return;
        }
        try {
            StepExecution partition = claimed(request);
            if (partition != null) {
                run(partition);
            }
        } catch (DataAccessException databaseDown) {
            // the request is not lost: back on the queue for this worker or another, once the database answers
            log.error("Partition request {} put back on the queue: {}", request, databaseDown.getMessage());
            pause();
            channel.basicNack(tag, false, true);
            return;
        }
        channel.basicAck(tag, false);
    }

    /** The partition's step execution when this worker is to run it, or null (said why) when it is not. */
    private StepExecution claimed(StepExecutionRequest request) {
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            log.warn("Partition request {} names no step execution: dropped", request);
            return null;
        }
        if (partition.getStatus() != BatchStatus.STARTING
                || !partition.getJobExecution().isRunning()) {
            log.info(
                    "Partition {} (step execution {}) of execution {} is {} and its run {}: not run again",
                    partition.getStepName(),
                    partition.getId(),
                    partition.getJobExecutionId(),
                    partition.getStatus(),
                    partition.getJobExecution().getStatus());
            return null;
        }
        if (!claims.claim(partition.getId(), partition.getJobExecutionId(), worker)) {
            log.info(
                    "Partition {} (step execution {}) is already claimed by {}: not run here",
                    partition.getStepName(),
                    partition.getId(),
                    claims.workerOf(partition.getId()));
            return null;
        }
        return partition;
    }

    private void run(StepExecution partition) {
        long jobExecutionId = partition.getJobExecutionId();
        running.put(partition.getId(), partition);
        log.info(
                "Worker {} runs {} (step execution {}) of execution {}",
                worker.name(),
                partition.getStepName(),
                partition.getId(),
                jobExecutionId);
        try {
            workerStep.execute(partition);
        } catch (JobInterruptedException e) {
            partition.setStatus(BatchStatus.STOPPED);
            jobRepository.update(partition);
        } catch (RuntimeException e) {
            partition.addFailureException(e);
            partition.setStatus(BatchStatus.FAILED);
            jobRepository.update(partition);
        } finally {
            running.remove(partition.getId());
            if (running.values().stream().noneMatch(other -> other.getJobExecutionId() == jobExecutionId)) {
                partitionsHere.ended(jobExecutionId); // the run's last partition here: its plan and chain are let go
            }
        }
        log.info(
                "Worker {} ended {} (step execution {}) of execution {}: {}",
                worker.name(),
                partition.getStepName(),
                partition.getId(),
                jobExecutionId,
                partition.getStatus());
    }

    private void beat() {
        try {
            claims.beat(running.keySet(), worker);
        } catch (RuntimeException e) {
            log.warn("Heartbeat of {} not recorded: {}", worker.name(), e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        long every = settings.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        active = true;
        log.info("Worker {} serves partitions from {}", worker.name(), settings.queue());
    }

    /** SIGTERM: each partition stops after its current chunk (STOPPED, restartable); waits for them to end. */
    @Override
    public void stop() {
        running.values().forEach(partition -> {
            partition.setTerminateOnly();
            chains.requestStop(partition.getJobExecutionId());
            log.warn(
                    "Shutting down: {} of execution {} stops after its current chunk",
                    partition.getStepName(),
                    partition.getJobExecutionId());
        });
        long deadline = System.nanoTime() + jobSettings.shutdownTimeout().toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            pause();
        }
        if (!running.isEmpty()) {
            log.error(
                    "Partitions {} did not stop within {}; the manager's rerun needs recover first",
                    running.keySet(),
                    jobSettings.shutdownTimeout());
        }
        heartbeats.shutdownNow();
        active = false;
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    /** Stops before the listener container (one phase below), which then lets go of the queue. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
