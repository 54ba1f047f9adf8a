package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header values verbatim as Groq and Cerebras document them (both dialects). */
class RateLimitHeadersTests {

    @Test
    void groqRequestsAreDailyAndTokensPerMinute() {
        // when: Groq's documented headers, which name no window
        RateLimitHeaders headers = parse(Map.of(
                "x-ratelimit-limit-requests", "14400",
                "x-ratelimit-limit-tokens", "18000",
                "x-ratelimit-remaining-requests", "14370",
                "x-ratelimit-remaining-tokens", "17997",
                "x-ratelimit-reset-requests", "2m59.56s",
                "x-ratelimit-reset-tokens", "7.66s"));

        // then: requests are counted per day, tokens per minute
        assertThat(headers.requestsPerMinute()).isNull();
        assertThat(headers.requestsPerDay())
                .isEqualTo(new RateLimitHeaders.Window(14400L, 14370L, Duration.ofMillis(179_560)));
        assertThat(headers.tokensPerMinute())
                .isEqualTo(new RateLimitHeaders.Window(18000L, 17997L, Duration.ofMillis(7660)));
        assertThat(headers.tokensPerDay()).isNull();
    }

    @Test
    void cerebrasWindowsAreNamedAndInFloatSeconds() {
        // when: Cerebras' documented headers, each naming its window, resets in seconds with a fraction
        RateLimitHeaders headers = parse(Map.of(
                "x-ratelimit-limit-requests-day", "1000000000",
                "x-ratelimit-limit-tokens-minute", "1000000000",
                "x-ratelimit-remaining-requests-day", "999997455",
                "x-ratelimit-remaining-tokens-minute", "999998298",
                "x-ratelimit-reset-requests-day", "33011.382867097855",
                "x-ratelimit-reset-tokens-minute", "11.382867097854614"));

        // then
        assertThat(headers.requestsPerDay())
                .isEqualTo(new RateLimitHeaders.Window(
                        1_000_000_000L, 999_997_455L, Duration.ofNanos(33_011_382_867_098L)));
        assertThat(headers.tokensPerMinute())
                .isEqualTo(
                        new RateLimitHeaders.Window(1_000_000_000L, 999_998_298L, Duration.ofNanos(11_382_867_098L)));
        assertThat(headers.requestsPerMinute()).isNull();
        assertThat(headers.tokensPerDay()).isNull();
    }

    @Test
    void cerebrasUndocumentedMinuteAndDayWindows() {
        // when: windows Cerebras sends but does not document, in mixed case, and an hour window we do not track
        RateLimitHeaders headers = parse(Map.of(
                "X-RateLimit-Limit-Requests-Minute", "5",
                "x-ratelimit-remaining-requests-minute", "4",
                "x-ratelimit-reset-requests-minute", "41.5",
                "x-ratelimit-limit-tokens-day", "1000000",
                "x-ratelimit-remaining-tokens-day", "0",
                "x-ratelimit-limit-requests-hour", "900"));

        // then: the minute and day windows are read, an exhausted one without a reset too
        assertThat(headers.requestsPerMinute())
                .isEqualTo(new RateLimitHeaders.Window(5L, 4L, Duration.ofMillis(41_500)));
        assertThat(headers.tokensPerDay()).isEqualTo(new RateLimitHeaders.Window(1_000_000L, 0L, null));
        assertThat(headers.tokensPerDay().isExhausted()).isTrue();
    }

    @Test
    void noHeadersIsEmpty() {
        assertThat(parse(Map.of("content-type", "application/json")).isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        7.66s,          7660000000
        2m59.56s,       179560000000
        9m38.016s,      578016000000
        644ms,          644000000
        6.780999999s,   6780999999
        1h2m3s,         3723000000000
        1m26.4s,        86400000000
        2,              2000000000
        86399,          86399000000000
        11.382867097854614, 11382867098
        """)
    void goDurationsAndFloatSeconds(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @Test
    void unreadableDurationsAreNull() {
        // when/then
        assertThat(Durations.parse("soon")).isNull();
        assertThat(Durations.parse("5 s")).isNull();
        assertThat(Durations.parse(null)).isNull();
    }

    private static RateLimitHeaders parse(Map<String, String> values) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(values);
        return RateLimitHeaders.parse(headers::get);
    }
}
