package dev.legalgen.remote;

import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.job.JobSettings;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;

/**
 * With {@code legalgen.job.partitioning=remote}, the job's {@code generate} step is a remote partitioning manager: it
 * splits the slots as the local step does, sends one request per partition to the workers' queue, and polls the job
 * repository until every partition's step execution has ended; it then ends as they did (any failed: FAILED, naming
 * it; any stopped: STOPPED), and a rerun sends only the partitions that did not complete.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "legalgen.job.partitioning", havingValue = "remote")
class RemoteManagerConfiguration {

    @Bean
    Step generate(
            JobRepository jobRepository,
            Partitioner slotPartitioner,
            RabbitTemplate rabbit,
            JobSettings settings,
            RemoteSettings remote,
            PartitionClaims claims) {
        DirectChannel requests = new DirectChannel();
        requests.subscribe(new PartitionPublisher(rabbit, remote));
        return new RemotePartitioningManagerStepBuilder(DatasetJobConfiguration.GENERATE_STEP, jobRepository)
                .partitioner(DatasetJobConfiguration.WORKER_STEP, slotPartitioner)
                .gridSize(settings.partitions())
                .outputChannel(requests)
                .pollInterval(remote.pollInterval().toMillis())
                .listener(new PartitionWatch(jobRepository, claims, remote))
                .build();
    }
}
