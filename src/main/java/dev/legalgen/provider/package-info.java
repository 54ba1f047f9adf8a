/**
 * Calling OpenAI-compatible providers: the HTTP client, the one failure classification
 * ({@link dev.legalgen.provider.FailureClassifier} into {@link dev.legalgen.provider.ErrorCategory}, which
 * answers every question asked of a category), rate limiting, circuit breaking, the preflight, and the chain
 * that fails over between routes. Depends on no other package of ours and knows nothing of Spring Batch.
 */
package dev.legalgen.provider;
