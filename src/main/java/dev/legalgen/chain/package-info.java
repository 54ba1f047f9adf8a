/**
 * Turning configuration and a {@code chain} spec into a run's provider chain: the provider registry
 * (configured providers and the built-in simulator), one named rate limiter per provider
 * ({@link dev.legalgen.chain.RateLimiterRegistry}), the routes found out shared by the runs of a process,
 * event recording and metrics. Knows nothing of Spring Batch; uses {@code provider}, {@code store} and
 * {@code simulator}.
 */
package dev.legalgen.chain;
