/**
 * The Spring Batch job: its steps (preflight, the partitioned generate, export), reader, processor and
 * writer wiring, the job parameters, fault policies fed by {@code ErrorCategory}, and the job's own
 * listeners (batch id, chain state, plans, skips, progress per chunk). Uses {@code chain} for a run's
 * provider chain and the domain packages; never {@code operations}, {@code cli}, {@code api} or the
 * simulator (listeners from {@code operations} join as beans, in {@link dev.legalgen.job.JobListenerOrder}).
 */
package dev.legalgen.job;
