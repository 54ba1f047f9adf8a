package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.testsupport.TestClock;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorRateLimitIntegrationTests {

    private static final String MODEL = "legal-sim-large";

    // Ten seconds into a minute, so the window has 50 s left.
    private final TestClock clock = TestClock.manual(Instant.parse("2026-01-01T00:00:10Z"));
    private Simulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void groqRefusesTheThirdRequestOfAMinuteAndAdmitsItOnceTheWindowPasses() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withLimits(2, 0));
        client.chat(MODEL);
        HttpResponse<String> second = client.chat(MODEL);

        // when
        HttpResponse<String> third = client.chat(MODEL);
        clock.advance(Duration.ofSeconds(50));
        HttpResponse<String> later = client.chat(MODEL);

        // then
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("retry-after")).hasValue("50");
        assertThat(third.body())
                .isEqualTo("{\"error\":{\"message\":\"Rate limit reached for model `legal-sim-large`"
                        + " in organization `org_sim` service tier `on_demand` on requests per minute (RPM): Limit 2, Used 2,"
                        + " Requested 1. Please try again in 50s. Visit https://console.groq.com/docs/rate-limits for more"
                        + " information.\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.headers().firstValue("retry-after")).isEmpty();
        assertThat(simulator.requests()).extracting(SeenRequest::status).containsExactly(200, 200, 429, 200);
    }

    @Test
    void groqRequestHeadersArePerDayAndTokenHeadersPerMinute() {
        // given a bucket of 60,000 tokens a minute: one token back every millisecond
        SimClient client = start(SimulatorConfig.defaults().withLimits(2, 60_000));
        long used = totalTokens(client.chat(MODEL)) + totalTokens(client.chat(MODEL));

        // when
        HttpHeaders refused = client.chat(MODEL).headers();

        // then the day limit is what 2 RPM allows in a day, and the refused request consumed nothing
        assertThat(refused.firstValue("x-ratelimit-limit-requests")).hasValue("2880");
        assertThat(refused.firstValue("x-ratelimit-remaining-requests")).hasValue("2878");
        assertThat(refused.firstValue("x-ratelimit-reset-requests")).hasValue("1m0s");
        assertThat(refused.firstValue("x-ratelimit-limit-tokens")).hasValue("60000");
        assertThat(refused.firstValue("x-ratelimit-remaining-tokens")).hasValue(Long.toString(60_000 - used));
        assertThat(refused.firstValue("x-ratelimit-reset-tokens"))
                .as("until the bucket is full again")
                .hasValue(WireFormats.goDuration(Duration.ofMillis(used)));
        assertThat(refused.firstValue("x-ratelimit-limit-requests-minute")).isEmpty();
    }

    @Test
    void cerebrasRefusesWithItsFlatBodyAndFloatSecondHeaders() {
        // given
        SimClient client =
                start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS).withLimits(2, 0));
        client.chat(MODEL);
        client.chat(MODEL);

        // when
        HttpResponse<String> third = client.chat(MODEL);

        // then
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body())
                .isEqualTo(
                        "{\"message\":\"Requests per minute limit exceeded - too many requests"
                                + " sent.\",\"type\":\"too_many_requests_error\",\"param\":\"quota\",\"code\":\"request_quota_exceeded\"}");
        HttpHeaders headers = third.headers();
        assertThat(headers.firstValue("retry-after")).hasValue("50");
        assertThat(headers.firstValue("x-ratelimit-limit-requests-minute")).hasValue("2");
        assertThat(headers.firstValue("x-ratelimit-remaining-requests-minute")).hasValue("0");
        assertThat(headers.firstValue("x-ratelimit-reset-requests-minute")).hasValue("50.0");
        assertThat(headers.firstValue("x-ratelimit-limit-requests-day")).hasValue("2880");
        assertThat(headers.firstValue("x-ratelimit-remaining-requests-day")).hasValue("2878");
        assertThat(headers.firstValue("x-ratelimit-reset-requests-day")).hasValue("86390.0");
        assertThat(headers.firstValue("x-ratelimit-limit-tokens-minute")).hasValue("1000000000");
        assertThat(headers.firstValue("x-ratelimit-reset-tokens-minute")).hasValue("50.0");
        assertThat(headers.firstValue("x-ratelimit-limit-requests")).isEmpty();
    }

    @Test
    void aRequestNeedsItsReservationInTheTokenBucketIsChargedWhatItUsedAndTheBucketRefillsContinuously() {
        // given a bucket of 800 tokens, refilled at 800 a minute; a request reserves its prompt estimate + 512
        SimClient client = start(SimulatorConfig.defaults().withLimits(0, 800));
        HttpResponse<String> first = client.chat(MODEL);
        long reserved = SimClient.json(first).at("/usage/prompt_tokens").asLong() + 512;
        long left = 800 - totalTokens(first);

        // when
        HttpResponse<String> refused = client.chat(MODEL);
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow());
        clock.advance(Duration.ofSeconds(retryAfter));
        HttpResponse<String> later = client.chat(MODEL);

        // then the first was charged its usage, not its reservation; the second did not find its reservation
        assertThat(first.headers().firstValue("x-ratelimit-remaining-tokens")).hasValue(Long.toString(left));
        assertThat(left)
                .as("what is left would hold the usage, not the reservation")
                .isLessThan(reserved)
                .isGreaterThan(totalTokens(first));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(SimClient.json(refused).at("/error/message").asString())
                .contains("tokens per minute (TPM): Limit 800, Used " + (800 - left) + ", Requested " + reserved + ".");
        assertThat(retryAfter)
                .as("the shortfall at 800 tokens a minute, well before the minute ends")
                .isEqualTo((long) Math.ceil((reserved - left) * 60.0 / 800))
                .isLessThan(50);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(simulator.tokensCounted()).isEqualTo(totalTokens(first) + totalTokens(later));
    }

    @Test
    void groqAnswers413ForARequestLargerThanTheWholeTokenLimit() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withLimits(0, 1_000));
        String huge =
                SimClient.body(MODEL, "q").replace("\"max_completion_tokens\":512", "\"max_completion_tokens\":5000");

        // when
        HttpResponse<String> response = client.post(huge, SimClient.KEY);

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(SimClient.json(response).at("/error/type").asString()).isEqualTo("tokens");
        assertThat(SimClient.json(response).at("/error/code").asString()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void cerebrasReservesADefaultBudgetWhenNoMaxTokensIsSent() {
        // given
        SimClient client =
                start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS).withLimits(0, 10_000));
        String unbounded = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}";

        // when
        HttpResponse<String> response = client.post(unbounded, SimClient.KEY);

        // then
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(SimClient.json(response).get("code").asString()).isEqualTo("token_quota_exceeded");
    }

    @Test
    void resetClearsTheWindows() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withLimits(1, 0));
        client.chat(MODEL);

        // when
        int refused = client.chat(MODEL).statusCode();
        simulator.reset();
        int admitted = client.chat(MODEL).statusCode();

        // then
        assertThat(List.of(refused, admitted)).containsExactly(429, 200);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void unlimitedConfigurationReportsLargeLimits() {
        // given
        SimClient client = start(SimulatorConfig.defaults());

        // when
        HttpHeaders headers = client.chat(MODEL).headers();

        // then
        assertThat(headers.firstValue("x-ratelimit-limit-requests")).hasValue("1000000000");
        assertThat(headers.firstValue("x-ratelimit-remaining-requests")).hasValue("999999999");
        assertThat(headers.firstValue("x-ratelimit-limit-tokens")).hasValue("1000000000");
    }

    private static long totalTokens(HttpResponse<String> response) {
        return SimClient.json(response).at("/usage/total_tokens").asLong();
    }

    private SimClient start(SimulatorConfig config) {
        simulator = Simulator.start(config.withClock(clock));
        return new SimClient(simulator);
    }
}
