package dev.legalgen.job;

import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code batch_id} and the plan's fingerprint in the job's execution context, which restarts inherit, so
 * that the id is fixed for an instance and a restart on another plan is refused ({@link PlanFingerprint}).
 */
@Component
@Order(JobListenerOrder.RUN)
public class DatasetRunListener implements JobExecutionListener {

    public static final String BATCH_ID = "batchId";
    /** Set by JobOperator.recover and copied into the restart's context, where it would block the next recover. */
    private static final String RECOVERED_MARK = "batch.recovered";

    private static final Logger log = LoggerFactory.getLogger(DatasetRunListener.class);

    private final JobRepository jobRepository;
    private final RunPlans plans;

    DatasetRunListener(JobRepository jobRepository, RunPlans plans) {
        this.jobRepository = jobRepository;
        this.plans = plans;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        context.remove(RECOVERED_MARK);
        BatchBudgetStop.forget(execution);
        if (!context.containsKey(BATCH_ID)) {
            context.putString(BATCH_ID, newBatchId());
        }
        PlanFingerprint.record(context, plans.of(execution));
        // Saved now, before any sample can commit: Batch saves a job's context only after each step, so
        // a kill -9 during generation would lose a new id, and the restart would stamp its rows with another.
        jobRepository.updateExecutionContext(execution);
        DatasetParameters params = DatasetParameters.from(execution.getJobParameters());
        log.info(
                "Job execution {} of instance {} ({}), batch {}",
                execution.getId(),
                execution.getJobInstance().getInstanceId(),
                params,
                context.getString(BATCH_ID));
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            log.warn(
                    "Job execution {} ended {}: {}",
                    execution.getId(),
                    execution.getStatus(),
                    ExecutionFailures.of(execution));
        }
    }

    static String newBatchId() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "batch_" + Instant.now().getEpochSecond() + "_" + HexFormat.of().formatHex(random);
    }
}
