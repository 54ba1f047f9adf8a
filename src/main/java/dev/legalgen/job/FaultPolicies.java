package dev.legalgen.job;

import dev.legalgen.provider.ErrorCategory;
import dev.legalgen.provider.ProviderCallException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.core.retry.RetryPolicy;

/**
 * The step's last resort, after the provider chain gave up on an item: its {@link ErrorCategory} says
 * whether to retry it and whether to skip it (up to the limit); a failure with no route left, or not a
 * provider's, fails the step, so the job ends FAILED and restartable.
 */
final class FaultPolicies {

    private FaultPolicies() {}

    static RetryPolicy retryPolicy(JobSettings settings) {
        return RetryPolicy.builder()
                .predicate(t -> category(t).filter(ErrorCategory::stepRetries).isPresent())
                .maxRetries(settings.retryLimit())
                .delay(settings.retryDelay())
                .multiplier(2.0)
                .jitter(settings.retryDelay().dividedBy(2))
                .maxDelay(Duration.ofSeconds(30))
                .build();
    }

    static SkipPolicy skipPolicy(JobSettings settings) {
        return (t, skipCount) -> {
            if (category(t).filter(ErrorCategory::stepSkips).isEmpty()) {
                return false;
            }
            if (skipCount >= settings.skipLimit()) {
                throw new SkipLimitExceededException(settings.skipLimit(), t);
            }
            return true;
        };
    }

    /** The category of a chain failure about one item; empty when no route is left, and for foreign failures. */
    private static Optional<ErrorCategory> category(Throwable t) {
        if (t instanceof ProviderCallException e && !e.noRouteLeft()) {
            return Optional.of(e.category());
        }
        return Optional.empty();
    }
}
