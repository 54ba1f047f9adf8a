package dev.legalgen.job;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.provider.ChainState;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Saves the run's chain state in the job's execution context when it ends. The job does not save its
 * context after the listeners ran, so this does; until then {@code status} reads the live chain.
 */
@Component
@Order(JobListenerOrder.CHAIN_STATE)
class ChainStateListener implements JobExecutionListener {

    private final ProviderChains chains;
    /** Lazy: the repository's configuration builds the job, which holds this listener. */
    private final ObjectProvider<JobRepository> jobRepository;

    ChainStateListener(ProviderChains chains, ObjectProvider<JobRepository> jobRepository) {
        this.chains = chains;
        this.jobRepository = jobRepository;
    }

    /**
     * Whether this process's chain served or refused anything. A remote run's manager only checked the providers:
     * its workers' chains did the work, and status shows the one the last partition saved.
     */
    private static boolean routed(ChainState state) {
        return state.current() != null
                || !state.failedModels().isEmpty()
                || !state.providersOut().isEmpty();
    }

    @Override
    public void afterJob(JobExecution execution) {
        ChainState last = chains.finish(execution.getId());
        if (last != null && routed(last)) {
            execution.getExecutionContext().putString(ChainStates.KEY, ChainStates.toJson(last));
            jobRepository.getObject().updateExecutionContext(execution);
        }
    }
}
