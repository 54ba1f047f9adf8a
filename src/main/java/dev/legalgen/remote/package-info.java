/**
 * Remote partitioning ({@code legalgen.job.partitioning=remote}): the manager's {@code generate} step sends its
 * partitions over RabbitMQ with spring-batch-integration's {@code MessageChannelPartitionHandler} and polls the shared
 * job repository for their end; {@code worker} processes take them from the durable queue, claim each in the database
 * ({@link dev.legalgen.remote.PartitionClaims}) and run the job's own {@code generateWorker} step. Uses {@code job}
 * for the step names and settings and {@code chain} to stop a run's calls; the job knows nothing of it.
 */
package dev.legalgen.remote;
