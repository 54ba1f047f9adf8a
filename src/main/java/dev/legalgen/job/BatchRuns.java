package dev.legalgen.job;

import dev.legalgen.batchmode.BatchRun;
import dev.legalgen.chain.BatchTarget;
import dev.legalgen.chain.ProviderChains;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** The {@link BatchRun} of an execution in batch mode, for its steps. */
@Component
class BatchRuns {

    private final RunPlans plans;
    private final ProviderChains chains;

    BatchRuns(RunPlans plans, ProviderChains chains) {
        this.plans = plans;
        this.chains = chains;
    }

    BatchRun of(JobExecution execution) {
        DatasetParameters params = DatasetParameters.from(execution.getJobParameters());
        BatchTarget target = chains.batchTarget(params.chain())
                .orElseThrow(() -> new IllegalStateException("chain " + params.chain()
                        + " has no provider that takes batches (checked at launch; was the configuration changed?)"));
        return new BatchRun(
                execution.getJobInstance().getInstanceId(),
                execution.getId(),
                plans.of(execution),
                target,
                params.budget());
    }
}
