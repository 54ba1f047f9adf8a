package dev.legalgen.job;

import dev.legalgen.catalog.GenerationPlan;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The plan an instance was started with, kept in its job context, so that a restart on a changed catalog is refused
 * before it runs (exit 2) rather than by each partition's reader once the job has started (a failed run, exit 1, on
 * every rerun).
 */
public final class PlanFingerprint {

    static final String KEY = "plan.fingerprint";

    private PlanFingerprint() {}

    static void record(ExecutionContext context, GenerationPlan plan) {
        if (!context.containsKey(KEY)) {
            context.putString(KEY, plan.fingerprint());
        }
    }

    /** @throws UsageException when {@code last} of the instance was started with another plan than {@code plan} */
    public static void requireUnchanged(JobExecution last, GenerationPlan plan) {
        ExecutionContext context = last.getExecutionContext();
        if (context.containsKey(KEY) && !context.getString(KEY).equals(plan.fingerprint())) {
            DatasetParameters params = DatasetParameters.from(last.getJobParameters());
            String catalog = DatasetParameters.BUILT_IN_CATALOG.equals(params.catalog())
                    ? "the built-in catalog (this version's differs)"
                    : "the catalog file " + params.catalog();
            throw UsageException.of(
                    DatasetParameters.CATALOG,
                    null,
                    "the plan of instance " + last.getJobInstance().getInstanceId() + " changed since it started: "
                            + catalog + " no longer gives the same slots, so a restart would map them to other"
                            + " requests. Restore the catalog as it was to continue the instance, or use start --next"
                            + " for a new instance on the new catalog",
                    null);
        }
    }
}
