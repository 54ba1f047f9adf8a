package dev.legalgen.job;

import dev.legalgen.chain.ProviderChains;
import org.springframework.stereotype.Component;

/**
 * What a process that runs partitions of an execution, but not the execution itself (a worker of remote
 * partitioning, which no job listener tells when the run ends), holds for it: the run's plan and provider chain.
 */
@Component
public class PartitionsHere {

    private final RunPlans plans;
    private final ProviderChains chains;

    PartitionsHere(RunPlans plans, ProviderChains chains) {
        this.plans = plans;
        this.chains = chains;
    }

    /** None of the execution's partitions runs here any more: its plan and its chain are let go. */
    public void ended(long executionId) {
        plans.forget(executionId);
        chains.finish(executionId);
    }
}
