package dev.legalgen.remote;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.job.JobSettings;
import dev.legalgen.job.PartitionsHere;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code worker} command's process: {@code legalgen.remote.worker-partitions} consumers of the partition queue,
 * each holding one unacknowledged request at a time (prefetch 1), so that waiting partitions go to whichever worker
 * is free, a worker started later included.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("legalgen.remote.worker")
class RemoteWorkerConfiguration {

    @Bean
    PartitionRunner partitionRunner(
            @Qualifier(DatasetJobConfiguration.WORKER_STEP) Step generateWorker,
            JobRepository jobRepository,
            PartitionClaims claims,
            ProviderChains chains,
            PartitionsHere partitionsHere,
            RemoteSettings settings,
            JobSettings jobSettings) {
        return new PartitionRunner(
                generateWorker, jobRepository, claims, chains, partitionsHere, settings, jobSettings);
    }

    @Bean
    SimpleMessageListenerContainer partitionListener(
            ConnectionFactory connectionFactory,
            PartitionRunner runner,
            RemoteSettings settings,
            JobSettings jobSettings) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(settings.queue());
        container.setConcurrentConsumers(settings.workerPartitions());
        container.setPrefetchCount(1);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setMessageListener(runner);
        container.setShutdownTimeout(jobSettings.shutdownTimeout().toMillis());
        container.setPhase(Integer.MAX_VALUE - 1);
        return container;
    }
}
