package dev.legalgen.job;

import dev.legalgen.catalog.GenerationPlan;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The plan of each execution running in this process, built once (the catalog read once) and shared by
 * its partitions. Not a job-scoped bean: Batch does not carry the job scope into partition threads.
 */
@Component
@Order(JobListenerOrder.PLANS)
class RunPlans implements JobExecutionListener {

    private final PlanFactory factory;
    private final Map<Long, GenerationPlan> plans = new ConcurrentHashMap<>();

    RunPlans(PlanFactory factory) {
        this.factory = factory;
    }

    GenerationPlan of(JobExecution execution) {
        return plans.computeIfAbsent(
                execution.getId(), id -> factory.plan(DatasetParameters.from(execution.getJobParameters())));
    }

    @Override
    public void afterJob(JobExecution execution) {
        forget(execution.getId());
    }

    /** The execution's plan is let go (a worker process, where the job itself does not run, says when). */
    void forget(long executionId) {
        plans.remove(executionId);
    }
}
