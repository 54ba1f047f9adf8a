package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.json.JsonMapper;

/** Every error status and body Groq and Cerebras are documented or seen to send, verbatim. */
class FailureClassifierTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final FailureClassifier classifier = new FailureClassifier(Clock.fixed(NOW, ZoneOffset.UTC));
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        400 | {"error":{"message":"...","type":"invalid_request_error"}} | BAD_REQUEST
        400 | {"message":"messages.1.assistant.reasoning_content: property 'messages.1.assistant.reasoning_content' is unsupported","type":"invalid_request_error","param":"validation_error","code":"wrong_api_format"} | BAD_REQUEST
        400 | {"error":{"message":"The model `qwen-qwq-32b` has been decommissioned and is no longer supported. Please refer to https://console.groq.com/docs/deprecations for a recommendation on which model to use instead.","type":"invalid_request_error","code":"model_decommissioned"}} | MODEL_UNAVAILABLE
        400 | {"error":{"message":"Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.","type":"invalid_request_error","code":"json_validate_failed","failed_generation":"..."}} | INVALID_OUTPUT
        400 | {"error":{"message":"This model does not support response format json_schema. See supported models at https://console.groq.com/docs/structured-outputs#supported-models","type":"invalid_request_error"}} | BAD_REQUEST
        401 | {"error":{"message":"Invalid API Key","type":"invalid_request_error","code":"invalid_api_key"}} | AUTHENTICATION
        401 | {"message":"Wrong API Key","type":"invalid_request_error","param":"api_key","code":"wrong_api_key"} | AUTHENTICATION
        402 | ~~ | QUOTA
        403 | {"detail":"Not authenticated"} | AUTHENTICATION
        403 | {"error":{"message":"permission restrictions","type":"permission_error"}} | QUOTA
        404 | {"error":{"message":"The model `llama-3.1-405b-reasoning` does not exist or you do not have access to it.","type":"invalid_request_error","code":"model_not_found"}} | MODEL_UNAVAILABLE
        404 | {"message":"Model does not exist or you do not have access to it.","type":"not_found_error","param":"model","code":"model_not_found"} | MODEL_UNAVAILABLE
        404 | {"message":"Model llama3.1-8b does not exist or you do not have access to it.","type":"not_found_error","param":"model","code":"model_not_found"} | MODEL_UNAVAILABLE
        404 | ~~ | MODEL_UNAVAILABLE
        413 | {"error":{"message":"Request too large for model `llama-3.3-70b-versatile` in organization `org_01` service tier `on_demand` on tokens per minute (TPM): Limit 6000, Requested 10338, please reduce your message size and try again. Visit https://console.groq.com/docs/rate-limits for more information.","type":"tokens","code":"rate_limit_exceeded"}} | REQUEST_TOO_LARGE
        422 | ~~ | BAD_REQUEST
        422 | {"message":"Unprocessable","type":"invalid_request_error","param":"messages","code":"unprocessable"} | BAD_REQUEST
        429 | {"error":{"message":"Rate limit reached for model `openai/gpt-oss-20b` in organization `org_01` service tier `on_demand` on tokens per minute (TPM): Limit 6000, Used 3513, Requested 3166. Please try again in 6.780999999s. Visit https://console.groq.com/docs/rate-limits for more information.","type":"tokens","code":"rate_limit_exceeded"}} | RATE_LIMIT
        429 | {"message":"Requests per minute limit exceeded - too many requests sent.","type":"too_many_requests_error","param":"quota","code":"request_quota_exceeded"} | RATE_LIMIT
        429 | {"message":"Tokens per minute limit exceeded - too many tokens processed.","type":"too_many_tokens_error","param":"quota","code":"token_quota_exceeded"} | RATE_LIMIT
        429 | {"message":"Tokens per day limit exceeded - too many tokens processed.","type":"too_many_tokens_error","param":"quota","code":"token_quota_exceeded"} | RATE_LIMIT
        429 | {"message":"We're experiencing high traffic right now! Please try again soon.","type":"too_many_requests_error","param":"queue","code":"queue_exceeded"} | MODEL_UNAVAILABLE
        498 | {"error":{"message":"`flex` tier capacity exceeded","type":"capacity_exceeded","code":"capacity_exceeded"}} | MODEL_UNAVAILABLE
        499 | ~~ | GENERAL
        500 | {"error":{"message":"Internal Server Error","type":"internal_server_error"}} | SERVER_ERROR
        502 | <html><body>502 Bad Gateway</body></html> | SERVER_ERROR
        503 | ~~ | MODEL_UNAVAILABLE
        504 | ~~ | SERVER_ERROR
        507 | ~~ | SERVER_ERROR
        418 | ~~ | BAD_REQUEST
        302 | ~~ | GENERAL
        """)
    void classifiesStatusAndStructuredFields(int status, String body, ErrorCategory expected) {
        assertThat(FailureClassifier.categoryOf(status, ProviderError.parse(body, json)))
                .isEqualTo(expected);
    }

    /** Groq's refusal of json_schema (message observed, param implied by the observed body length) and Cerebras'. */
    @ParameterizedTest(name = "{0}: asked for a schema {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        {"error":{"message":"This model does not support response format `json_schema`. See supported models at https://console.groq.com/docs/structured-outputs#supported-models","type":"invalid_request_error","param":"response_format"}} | true  | STRUCTURED_OUTPUT_REFUSED
        {"message":"Unsupported JSON schema fields: {'minItems', 'items'}","type":"invalid_request_error","param":"response_format","code":"wrong_api_format"} | true | STRUCTURED_OUTPUT_REFUSED
        {"error":{"message":"This model does not support response format `json_schema`. See supported models at https://console.groq.com/docs/structured-outputs#supported-models","type":"invalid_request_error","param":"response_format"}} | false | BAD_REQUEST
        {"error":{"message":"This model does not support response format `json_schema`.","type":"invalid_request_error"}} | true | BAD_REQUEST
        {"message":"type: Input should be 'text'","type":"invalid_request_error","param":"validation_error","code":"wrong_api_format"} | true | BAD_REQUEST
        """)
    void aRefusedSchemaIsToldByTheParamOfARequestThatSentOne(
            String body, boolean askedForSchema, ErrorCategory expected) {
        assertThat(FailureClassifier.categoryOf(400, ProviderError.parse(body, json), askedForSchema))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "failed_generation {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        ~{\"question\": \"What does the simulated~                                 | TRUNCATED
        ~{\"question\": \"Q?\", \"answer\": [1, 2~                                   | TRUNCATED
        ~Here is the sample: {\"question\": \"Q?\", \"ans~                           | TRUNCATED
        ~{\"question\": \"Q?\"} and more~                                             | INVALID_OUTPUT
        ~Here is the sample: {\"question\": \"Q?\", answer: unquoted}~                | INVALID_OUTPUT
        ~I cannot answer that.~                                                         | INVALID_OUTPUT
        ~~                                                                              | INVALID_OUTPUT
        """)
    void groqsJsonValidateFailedIsTruncatedWhenItsFailedGenerationEndsInsideTheObject(
            String failedGeneration, ErrorCategory expected) {
        // given: Groq's JSON-mode failure carrying the model's raw text
        String body = json.writeValueAsString(Map.of(
                "error",
                Map.of(
                        "message",
                        "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.",
                        "type",
                        "invalid_request_error",
                        "code",
                        "json_validate_failed",
                        "failed_generation",
                        failedGeneration == null ? "" : failedGeneration)));

        // when/then
        assertThat(FailureClassifier.categoryOf(400, ProviderError.parse(body, json), true))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "finish_reason {1}, content {0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        ~{"question": "Q~ | length | TRUNCATED
        ~~                | length | TRUNCATED
        ~~                | stop   | INVALID_OUTPUT
        ~{"question": 1}~ | stop   |
        ~{"question": 1}~ |        |
        """)
    void anAnswerStoppedByItsBudgetIsTruncatedWhateverItHolds(
            String content, String finishReason, ErrorCategory expected) {
        assertThat(FailureClassifier.categoryOfAnswer(content, finishReason)).isEqualTo(expected);
    }

    @Test
    void messageTextAloneNeverDecidesTheCategory() {
        // given: a 500 whose message says "rate limit"
        ProviderError saysRateLimitButIs500 =
                ProviderError.parse("{\"error\":{\"message\":\"Rate limit reached\"}}", json);

        // when/then: the status decides
        assertThat(FailureClassifier.categoryOf(500, saysRateLimitButIs500)).isEqualTo(ErrorCategory.SERVER_ERROR);
    }

    @Test
    void readsAllThreeBodyShapes() {
        // when/then: Groq's nested error, Cerebras' flat one, a bare detail, and a body that is not JSON
        assertThat(ProviderError.parse(
                        "{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\","
                                + "\"code\":\"invalid_api_key\"}}",
                        json))
                .isEqualTo(new ProviderError(
                        "invalid_api_key", "invalid_request_error", null, "Invalid API Key", null, null));
        assertThat(ProviderError.parse(
                        "{\"message\":\"Wrong API Key\",\"type\":\"invalid_request_error\","
                                + "\"param\":\"api_key\",\"code\":\"wrong_api_key\"}",
                        json))
                .isEqualTo(new ProviderError(
                        "wrong_api_key", "invalid_request_error", "api_key", "Wrong API Key", null, null));
        assertThat(ProviderError.parse("{\"detail\":\"Not authenticated\"}", json)
                        .detail())
                .isEqualTo("Not authenticated");
        assertThat(ProviderError.parse("not json", json)).isEqualTo(ProviderError.NONE);
    }

    @Test
    void retryAfterSecondsHeaderWins() {
        // when: a 429 carries both Retry-After and a token window's reset
        FailureClassifier.Failure failure =
                classify(429, groqRpm(), Map.of("retry-after", "2", "x-ratelimit-reset-tokens", "7.66s"));

        // then: Retry-After decides the wait
        assertThat(failure).isEqualTo(new FailureClassifier.Failure(ErrorCategory.RATE_LIMIT, Duration.ofSeconds(2)));
    }

    @Test
    void retryAfterHttpDateIsRelativeToTheClock() {
        // when: Retry-After is a date 30 s after the clock's now
        FailureClassifier.Failure failure = classify(503, "", Map.of("Retry-After", "Tue, 24 Nov 2026 10:00:30 GMT"));

        // then
        assertThat(failure)
                .isEqualTo(new FailureClassifier.Failure(ErrorCategory.MODEL_UNAVAILABLE, Duration.ofSeconds(30)));
    }

    @Test
    void cerebrasDailyQuotaIsStillARateLimitWithALongRetry() {
        // given: Cerebras' tokens-per-day 429
        String body = "{\"message\":\"Tokens per day limit exceeded - too many tokens processed.\","
                + "\"type\":\"too_many_tokens_error\",\"param\":\"quota\",\"code\":\"token_quota_exceeded\"}";

        // when: it says to retry in almost a day
        FailureClassifier.Failure failure = classify(429, body, Map.of("retry-after", "86399"));

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(86399));
    }

    @Test
    void withoutRetryAfterTheExhaustedWindowsResetDecides() {
        // given: Cerebras' tokens-per-day 429
        String body = "{\"message\":\"Tokens per day limit exceeded - too many tokens processed.\","
                + "\"type\":\"too_many_tokens_error\",\"param\":\"quota\",\"code\":\"token_quota_exceeded\"}";

        // when: no Retry-After; the minute window has tokens left, the day window none
        FailureClassifier.Failure failure = classify(
                429,
                body,
                Map.of(
                        "x-ratelimit-remaining-tokens-minute",
                        "50000",
                        "x-ratelimit-reset-tokens-minute",
                        "11.382867097854614",
                        "x-ratelimit-remaining-tokens-day",
                        "0",
                        "x-ratelimit-reset-tokens-day",
                        "33011.382867097855"));

        // then: the wait is the day window's reset
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofNanos(33_011_382_867_098L));
    }

    @Test
    void withoutRetryAfterTheMinuteResetDecides() {
        // when: no Retry-After and no window exhausted; Groq's daily requests reset in 3 min, its tokens in 7.66 s
        FailureClassifier.Failure failure = classify(
                429,
                groqRpm(),
                Map.of(
                        "x-ratelimit-remaining-requests",
                        "14370",
                        "x-ratelimit-reset-requests",
                        "2m59.56s",
                        "x-ratelimit-remaining-tokens",
                        "17997",
                        "x-ratelimit-reset-tokens",
                        "7.66s"));

        // then: the minute window's reset decides
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMillis(7660));
    }

    @Test
    void groqTryAgainTextIsTheLastResort() {
        // given: a 429 without pacing headers whose message says "try again in 9m38.016s"
        String body = "{\"error\":{\"message\":\"Rate limit reached for model `openai/gpt-oss-20b` "
                + "in organization `org_01` service tier `on_demand` on tokens per day (TPD): "
                + "Limit 100000, Used 97050, Requested 3619. Please try again in 9m38.016s. "
                + "Visit https://console.groq.com/docs/rate-limits for more information.\","
                + "\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}";

        // when/then
        assertThat(classify(429, body, Map.of()).retryAfter()).isEqualTo(Duration.ofMillis(578_016));
    }

    @Test
    void retryAfterOnlyFromTheHeaderForNonRateLimits() {
        assertThat(classify(500, "", Map.of("x-ratelimit-reset-tokens", "7.66s"))
                        .retryAfter())
                .isNull();
    }

    @Test
    void transportFailuresByExceptionType() {
        // when/then: a read timeout, every connection failure, and anything else
        assertThat(FailureClassifier.categoryOf(
                        new ResourceAccessException("I/O", new HttpTimeoutException("request timed out"))))
                .isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(FailureClassifier.categoryOf(
                        new ResourceAccessException("I/O", new HttpConnectTimeoutException("connect timed out"))))
                .isEqualTo(ErrorCategory.CONNECTION_ERROR);
        assertThat(FailureClassifier.categoryOf(
                        new ResourceAccessException("I/O", new ConnectException("Connection refused"))))
                .isEqualTo(ErrorCategory.CONNECTION_ERROR);
        assertThat(FailureClassifier.categoryOf(
                        new ResourceAccessException("I/O", new SocketException("Connection reset"))))
                .isEqualTo(ErrorCategory.CONNECTION_ERROR);
        assertThat(FailureClassifier.categoryOf(
                        new ResourceAccessException("I/O", new EOFException("EOF reached while reading"))))
                .isEqualTo(ErrorCategory.CONNECTION_ERROR);
        assertThat(FailureClassifier.categoryOf(new ResourceAccessException(
                        "I/O", new IOException("HTTP/1.1 header parser received no bytes"))))
                .isEqualTo(ErrorCategory.CONNECTION_ERROR);
        assertThat(FailureClassifier.categoryOf(new IllegalStateException("boom")))
                .isEqualTo(ErrorCategory.GENERAL);
    }

    private static String groqRpm() {
        return "{\"error\":{\"message\":\"Rate limit reached for model `openai/gpt-oss-20b` in organization `org_01` service tier `on_demand` on requests per minute (RPM): Limit 30, Used 30, Requested 1. Please try again in 2s.\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
    }

    private FailureClassifier.Failure classify(int status, String body, Map<String, String> headers) {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        RateLimitHeaders limits = RateLimitHeaders.parse(caseInsensitive::get);
        return classifier.classify(status, ProviderError.parse(body, json), caseInsensitive::get, limits);
    }
}
