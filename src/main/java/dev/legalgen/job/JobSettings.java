package dev.legalgen.job;

import dev.legalgen.config.SettingsProblems;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code legalgen.job.*}: how the job runs. Chunk size is not here: it is fixed at
 * {@link DatasetJobConfiguration#CHUNK_SIZE} because a restart must use the one the checkpoint used.
 */
@ConfigurationProperties("legalgen.job")
public record JobSettings(
        @DefaultValue("groq,cerebras") String chain,
        @DefaultValue("8") int partitions,
        @DefaultValue("5") int concurrency,
        @DefaultValue("10") int skipLimit,
        @DefaultValue("2") int retryLimit,
        @DefaultValue("500ms") Duration retryDelay,
        @DefaultValue("60s") Duration shutdownTimeout,
        @DefaultValue("local") Partitioning partitioning) {

    /** Where the partitions of the generate step run: this process's threads, or worker processes. */
    public enum Partitioning {
        LOCAL,
        REMOTE
    }

    public JobSettings {
        new SettingsProblems()
                .require(partitions >= 1 && partitions <= 64, "legalgen.job.partitions must be 1-64, was " + partitions)
                .require(
                        concurrency >= 1 && concurrency <= DatasetJobConfiguration.CHUNK_SIZE,
                        "legalgen.job.concurrency must be 1-" + DatasetJobConfiguration.CHUNK_SIZE
                                + " (a chunk step never has more items in flight than its chunk size), was "
                                + concurrency)
                .require(skipLimit >= 0, "legalgen.job.skip-limit must be 0 or more, was " + skipLimit)
                .require(
                        retryLimit >= 0 && retryLimit <= 10, "legalgen.job.retry-limit must be 0-10, was " + retryLimit)
                .require(!retryDelay.isNegative(), "legalgen.job.retry-delay must not be negative, was " + retryDelay)
                .require(
                        shutdownTimeout.toSeconds() >= 1,
                        "legalgen.job.shutdown-timeout must be at least 1s, was " + shutdownTimeout)
                .throwIfAny();
    }

    /** Calls in flight at most: every partition runs a chunk whose items are processed concurrently. */
    public int callsInFlight() {
        return partitions * concurrency;
    }
}
