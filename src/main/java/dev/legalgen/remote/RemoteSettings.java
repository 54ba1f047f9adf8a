package dev.legalgen.remote;

import dev.legalgen.config.SettingsProblems;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code legalgen.remote.*}: how the partitions of remote mode travel (RabbitMQ at {@code spring.rabbitmq.*}) and how
 * workers take them. {@code worker} is set by the {@code worker} command, not by hand.
 *
 * @param queue the durable queue of partition requests; one per deployment (manager and its workers)
 * @param workerPartitions partitions one worker process runs at once
 * @param pollInterval how often the manager reads the job repository for the partitions' ends
 * @param confirmTimeout how long the manager waits for the broker to confirm a partition request
 * @param heartbeat how often a worker renews its claim on the partitions it runs
 * @param deadAfter a running partition whose claim is not renewed for this long ran on a worker that is gone: the
 *     manager fails it (and so the run, which a rerun continues)
 */
@ConfigurationProperties("legalgen.remote")
public record RemoteSettings(
        @DefaultValue("legalgen.partitions") String queue,
        @DefaultValue("2") int workerPartitions,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("60s") Duration deadAfter,
        @DefaultValue("false") boolean worker) {

    public RemoteSettings {
        new SettingsProblems()
                .require(!queue.isBlank(), "legalgen.remote.queue must not be blank")
                .require(
                        workerPartitions >= 1 && workerPartitions <= 64,
                        "legalgen.remote.worker-partitions must be 1-64, was " + workerPartitions)
                .require(
                        pollInterval.toMillis() >= 10,
                        "legalgen.remote.poll-interval must be at least 10ms, was " + pollInterval)
                .require(
                        confirmTimeout.toMillis() >= 100,
                        "legalgen.remote.confirm-timeout must be at least 100ms, was " + confirmTimeout)
                .require(
                        heartbeat.toMillis() >= 100,
                        "legalgen.remote.heartbeat must be at least 100ms, was " + heartbeat)
                .throwIfAny();
    }
}
