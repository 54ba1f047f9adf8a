package dev.legalgen.provider;

/** Receives the rate-limit headers of every response, successful or not (for the rate limiter). */
@FunctionalInterface
public interface RateLimitListener {

    RateLimitListener NONE = (route, status, headers) -> {};

    void onHeaders(Route route, int httpStatus, RateLimitHeaders headers);
}
