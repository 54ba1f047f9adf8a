package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.catalog.GenerationPlan;
import dev.legalgen.chain.Budget;
import dev.legalgen.chain.ProviderChains;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A worker of remote partitioning holds an execution's plan and chain while its partitions run there, and lets
 * them go when the last one ended, since no job listener runs in a worker to say the run is over.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:partitions-here;DB_CLOSE_DELAY=-1",
            "legalgen.job.chain=simulator"
        })
class PartitionsHereIntegrationTests {

    @Autowired
    JobRepository jobRepository;

    @Autowired
    RunPlans plans;

    @Autowired
    ProviderChains chains;

    @Autowired
    PartitionsHere partitionsHere;

    @Test
    void theLastPartitionOfAnExecutionHereLetsItsPlanAndChainGo() throws Exception {
        JobParameters parameters = DatasetParameters.parse(
                        List.of("targetCount=12", "dataset=partitions-here"), "simulator")
                .toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(DatasetJobConfiguration.JOB_NAME, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        // what its partitions here hold: the plan, built once and shared, and the run's chain
        GenerationPlan plan = plans.of(execution);
        assertThat(plans.of(execution)).isSameAs(plan);
        chains.forRun(execution.getId(), instance.getInstanceId(), "simulator", Budget.NONE);
        assertThat(chains.running()).containsKey(execution.getId());

        partitionsHere.ended(execution.getId());

        assertThat(chains.running()).doesNotContainKey(execution.getId());
        assertThat(plans.of(execution))
                .as("built again: the one held was let go")
                .isNotSameAs(plan);
        partitionsHere.ended(execution.getId());
    }
}
