package dev.legalgen.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.legalgen.provider.ProviderRateLimiter;
import dev.legalgen.provider.RateLimitHeaders;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A provider's headroom as its latest response's rate-limit headers gave it (each window's {@code limit},
 * {@code remaining} and {@code reset_seconds}; a window absent when the provider does not report it), and
 * {@code blocked_until} after a 429 until the provider may be asked again.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record RateLimitBody(
        Window requestsPerMinute,
        Window requestsPerDay,
        Window tokensPerMinute,
        Window tokensPerDay,
        Instant blockedUntil) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Window(Long limit, Long remaining, Double resetSeconds) {
        static Window of(RateLimitHeaders.Window window) {
            return window == null
                    ? null
                    : new Window(
                            window.limit(),
                            window.remaining(),
                            window.reset() == null ? null : window.reset().toMillis() / 1000.0);
        }
    }

    static RateLimitBody of(ProviderRateLimiter limiter) {
        RateLimitHeaders headers = limiter.lastHeaders();
        return new RateLimitBody(
                Window.of(headers.requestsPerMinute()),
                Window.of(headers.requestsPerDay()),
                Window.of(headers.tokensPerMinute()),
                Window.of(headers.tokensPerDay()),
                limiter.blockedUntil());
    }
}
