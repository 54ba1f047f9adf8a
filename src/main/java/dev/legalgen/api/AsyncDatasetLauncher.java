package dev.legalgen.api;

import dev.legalgen.job.DatasetParameters;
import dev.legalgen.operations.DatasetLauncher;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Launches the dataset job on a thread of its own and returns as soon as the execution exists, with
 * the restart rules of {@link DatasetLauncher}. The operator is private to the API: a {@code JobOperator}
 * bean would replace Boot's synchronous one, which the command line relies on for its exit codes.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AsyncDatasetLauncher implements DisposableBean {

    /** Executions one server runs at once; they share the partition and provider-call pools. */
    static final int MAX_RUNNING = 4;

    private final DatasetLauncher launcher;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final TaskExecutorJobOperator operator = new TaskExecutorJobOperator();

    AsyncDatasetLauncher(
            DatasetLauncher launcher, JobRepository jobRepository, ObjectProvider<ObservationRegistry> observations)
            throws Exception {
        this.launcher = launcher;
        executor.setThreadNamePrefix("api-job-");
        executor.setCorePoolSize(MAX_RUNNING);
        executor.setMaxPoolSize(MAX_RUNNING);
        // no queue: a queued execution would sit STARTING where shutdown cannot see it; refuse instead
        executor.setQueueCapacity(0);
        executor.initialize();
        operator.setJobRepository(jobRepository);
        // only start(Job, ...) is used here, which needs no lookup by name; stop goes through Boot's operator
        operator.setJobRegistry(new MapJobRegistry());
        operator.setTaskExecutor(executor);
        operator.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        operator.afterPropertiesSet();
    }

    DatasetLauncher.Launch start(DatasetParameters params) {
        return launcher.launch(params, false, operator);
    }

    /** Whether a batch runs on this launcher now: each occupies one of its threads from launch to end. */
    boolean running() {
        return executor.getActiveCount() > 0;
    }

    /**
     * Runs after the graceful-stop lifecycle bean has stopped the running executions and waited for
     * them, so this only reaps idle threads.
     */
    @Override
    public void destroy() {
        executor.shutdown();
    }
}
