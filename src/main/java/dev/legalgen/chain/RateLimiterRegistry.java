package dev.legalgen.chain;

import dev.legalgen.provider.ProviderRateLimiter;
import dev.legalgen.provider.ProviderSettings;

/**
 * One named rate limiter per provider, for every chain that uses the provider, so that runs side by
 * side stay within its limits together. This process's registry is {@link LocalRateLimiterRegistry};
 * one shared by several processes can take its place.
 */
public interface RateLimiterRegistry {

    /** The limiter named {@code provider}, made from {@code settings} on first use. */
    ProviderRateLimiter limiter(String provider, ProviderSettings settings);
}
