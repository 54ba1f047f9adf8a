package dev.legalgen.operations;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.job.JobListenerOrder;
import dev.legalgen.job.JobSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SIGTERM / Ctrl-C: stops running executions after their current chunk and waits for them to end
 * STOPPED, before the context closes the DataSource. Batch's own JobExecutionShutdownHook races
 * Boot's shutdown hook, which closes the DataSource first, and loses; a lifecycle bean in the last phase
 * runs first.
 */
@Component
@Order(JobListenerOrder.SHUTDOWN)
public class GracefulShutdown implements SmartLifecycle, JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Map<JobExecution, CountDownLatch> running = new ConcurrentHashMap<>();
    /** Lazy: the operator's registry holds the job, and the job holds this listener. */
    private final ObjectProvider<JobOperator> jobOperator;

    private final ProviderChains chains;
    private final JobSettings settings;
    private volatile boolean active;

    public GracefulShutdown(ObjectProvider<JobOperator> jobOperator, ProviderChains chains, JobSettings settings) {
        this.jobOperator = jobOperator;
        this.chains = chains;
        this.settings = settings;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.put(execution, new CountDownLatch(1));
    }

    @Override
    public void afterJob(JobExecution execution) {
        CountDownLatch done = running.remove(execution);
        if (done != null) {
            done.countDown();
        }
    }

    @Override
    public void stop() {
        running.forEach((execution, done) -> {
            try {
                jobOperator.getObject().stop(execution);
            } catch (JobExecutionNotRunningException e) {
                return;
            }
            chains.requestStop(execution.getId()); // calls waiting for a provider's pace end now
            // logged once the stop is recorded, so that whoever sees the line knows the run will not go on
            log.warn("Shutting down: execution {} stops after its current chunk", execution.getId());
            try {
                if (!done.await(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    log.error(
                            "Execution {} did not stop within {}; run recover {} before restarting it",
                            execution.getId(),
                            settings.shutdownTimeout(),
                            execution.getId());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        active = false;
    }

    @Override
    public void start() {
        active = true;
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    /** Last to start, first to stop: before the executors and the DataSource go. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
