package dev.legalgen.provider;

import java.time.Duration;

/** The four limits a provider may set, what one call takes from each, and where settings and headers give them. */
enum RateLimit {
    REQUESTS_PER_MINUTE("requests per minute", Duration.ofMinutes(1), false),
    REQUESTS_PER_DAY("requests per day", Duration.ofDays(1), false),
    TOKENS_PER_MINUTE("tokens per minute", Duration.ofMinutes(1), true),
    TOKENS_PER_DAY("tokens per day", Duration.ofDays(1), true);

    private final String label;
    private final Duration period;
    private final boolean tokens;

    RateLimit(String label, Duration period, boolean tokens) {
        this.label = label;
        this.period = period;
        this.tokens = tokens;
    }

    String label() {
        return label;
    }

    Duration period() {
        return period;
    }

    /** Counted in tokens, settled to what the call used; otherwise one request per call. */
    boolean countsTokens() {
        return tokens;
    }

    /**
     * Requests per minute are spread evenly, one every minute / limit: 40 callers behind a 60-per-minute limit then
     * leave one a second, at the provider's pace, instead of 60 at once and none for a minute, which a provider
     * enforcing a smoother bucket would answer with 429s. Tokens and days keep the rolling window alone: token
     * reservations are estimates settled after the call, and a day's budget may burst.
     */
    boolean spacedEvenly() {
        return this == REQUESTS_PER_MINUTE;
    }

    /** What a call takes from this limit. */
    long amount(long tokens) {
        return this.tokens ? tokens : 1;
    }

    int configured(ProviderSettings settings) {
        return switch (this) {
            case REQUESTS_PER_MINUTE -> settings.requestsPerMinute();
            case REQUESTS_PER_DAY -> settings.requestsPerDay();
            case TOKENS_PER_MINUTE -> settings.tokensPerMinute();
            case TOKENS_PER_DAY -> settings.tokensPerDay();
        };
    }

    /** This limit's window in the headers, or null when they do not report it. */
    RateLimitHeaders.Window reported(RateLimitHeaders headers) {
        return switch (this) {
            case REQUESTS_PER_MINUTE -> headers.requestsPerMinute();
            case REQUESTS_PER_DAY -> headers.requestsPerDay();
            case TOKENS_PER_MINUTE -> headers.tokensPerMinute();
            case TOKENS_PER_DAY -> headers.tokensPerDay();
        };
    }
}
