package dev.legalgen.provider;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Rate-limit state reported by a response, in neutral terms. Reads both dialects:
 * Groq ({@code x-ratelimit-limit-requests} is per DAY, {@code -tokens} per MINUTE, resets as Go
 * durations) and Cerebras ({@code x-ratelimit-*-{requests,tokens}-{minute,day}}, float seconds).
 * A window is null when the response did not report it.
 */
public record RateLimitHeaders(
        Window requestsPerMinute, Window requestsPerDay, Window tokensPerMinute, Window tokensPerDay) {

    public static final RateLimitHeaders NONE = new RateLimitHeaders(null, null, null, null);

    /** One window; each field is null when its header was absent or unreadable. */
    public record Window(Long limit, Long remaining, Duration reset) {

        boolean isExhausted() {
            return remaining != null && remaining <= 0;
        }
    }

    /** Reads the headers through a case-insensitive lookup (first value or null). */
    public static RateLimitHeaders parse(Function<String, String> header) {
        if (hasCerebrasSuffix(header)) {
            return new RateLimitHeaders(
                    window(header, "requests-minute"),
                    window(header, "requests-day"),
                    window(header, "tokens-minute"),
                    window(header, "tokens-day"));
        }
        // Groq: there is no per-minute request header; "-requests" is the DAILY window.
        return new RateLimitHeaders(null, window(header, "requests"), window(header, "tokens"), null);
    }

    public boolean isEmpty() {
        return requestsPerMinute == null && requestsPerDay == null && tokensPerMinute == null && tokensPerDay == null;
    }

    private static boolean hasCerebrasSuffix(Function<String, String> header) {
        for (String kind : new String[] {"requests", "tokens"}) {
            for (String period : new String[] {"minute", "day", "hour"}) {
                if (header.apply("x-ratelimit-limit-" + kind + "-" + period) != null
                        || header.apply("x-ratelimit-remaining-" + kind + "-" + period) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Window window(Function<String, String> header, String suffix) {
        Long limit = number(header.apply("x-ratelimit-limit-" + suffix));
        Long remaining = number(header.apply("x-ratelimit-remaining-" + suffix));
        Duration reset = Durations.parse(header.apply("x-ratelimit-reset-" + suffix));
        return limit == null && remaining == null && reset == null ? null : new Window(limit, remaining, reset);
    }

    private static Long number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return (long) Math.floor(Double.parseDouble(text.strip().toLowerCase(Locale.ROOT)));
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }
}
