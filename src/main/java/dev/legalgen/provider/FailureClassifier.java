package dev.legalgen.provider;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The one place that decides what a failed provider call means. Decides on status and structured
 * fields ({@code code}, {@code type}, body shape), never on message text alone.
 */
final class FailureClassifier {

    /** A classified HTTP failure and how long the server asked us to wait (null: it did not say). */
    record Failure(ErrorCategory category, Duration retryAfter) {}

    private final Clock clock;

    FailureClassifier(Clock clock) {
        this.clock = clock;
    }

    /** A failed request that asked for no schema (a model listing, a {@code json_object} completion). */
    Failure classify(int status, ProviderError error, Function<String, String> header, RateLimitHeaders limits) {
        return classify(status, error, false, header, limits);
    }

    /** {@code askedForSchema}: the request sent {@code json_schema}, so a refusal of its format can be that one. */
    Failure classify(
            int status,
            ProviderError error,
            boolean askedForSchema,
            Function<String, String> header,
            RateLimitHeaders limits) {
        ErrorCategory category = categoryOf(status, error, askedForSchema);
        return new Failure(category, retryAfter(category, error, header, limits));
    }

    static ErrorCategory categoryOf(int status, ProviderError error) {
        return categoryOf(status, error, false);
    }

    static ErrorCategory categoryOf(int status, ProviderError error, boolean askedForSchema) {
        return switch (status) {
            // Groq invalid_api_key, Cerebras wrong_api_key: the key is missing, wrong or revoked.
            case 401 -> ErrorCategory.AUTHENTICATION;
            // Payment required: the account's credits or budget are used up.
            case 402 -> ErrorCategory.QUOTA;
            // Cerebras answers a missing key with FastAPI's 403 {"detail":"Not authenticated"};
            // any other 403 is a permission or plan restriction on the account.
            case 403 -> isFastApiNotAuthenticated(error) ? ErrorCategory.AUTHENTICATION : ErrorCategory.QUOTA;
            // model_not_found (retired or unknown id); a bare 404 means the path is not served: this route cannot work.
            case 404 -> ErrorCategory.MODEL_UNAVAILABLE;
            // The server gave up waiting for our request: transient, like our own read timeout.
            case 408 -> ErrorCategory.TIMEOUT;
            // Too large for this model even with an empty window (Groq sends type tokens / rate_limit_exceeded: still
            // not a 429).
            case 413 -> ErrorCategory.REQUEST_TOO_LARGE;
            // Cerebras queue_exceeded is capacity, not our quota; everything else is pacing (daily quotas carry a long
            // retry).
            case 429 -> error.hasCode("queue_exceeded") ? ErrorCategory.MODEL_UNAVAILABLE : ErrorCategory.RATE_LIMIT;
            // Groq flex tier at capacity.
            case 498 -> ErrorCategory.MODEL_UNAVAILABLE;
            // Groq: request cancelled by the caller; nothing the item or route did wrong.
            case 499 -> ErrorCategory.GENERAL;
            // 400 splits on the code and param: retired model, failed JSON generation, a refused schema, or a
            // request we built wrong.
            case 400 -> badRequest(error, askedForSchema);
            // Validation or semantic error on this request.
            case 422 -> ErrorCategory.BAD_REQUEST;
            // Maintenance or overload of the model: try another model rather than hammer this one.
            case 503 -> ErrorCategory.MODEL_UNAVAILABLE;
            // The provider or its upstream failed; usually passes.
            case 500, 502, 504 -> ErrorCategory.SERVER_ERROR;
            default -> byStatusClass(status);
        };
    }

    private static ErrorCategory badRequest(ProviderError error, boolean askedForSchema) {
        if (error.hasCode("model_decommissioned")) {
            return ErrorCategory.MODEL_UNAVAILABLE; // Groq's answer for models retired before Aug 2026
        }
        if (error.hasCode("json_validate_failed")) {
            // Groq JSON mode: the model failed to produce valid JSON; its failed_generation tells a cut-off answer
            return TruncatedJson.isCutOff(error.failedGeneration())
                    ? ErrorCategory.TRUNCATED
                    : ErrorCategory.INVALID_OUTPUT;
        }
        if (askedForSchema && error.hasParam("response_format")) {
            // Groq (json_schema on a model without it) and Cerebras (wrong_api_format) name the refused field
            return ErrorCategory.STRUCTURED_OUTPUT_REFUSED;
        }
        return ErrorCategory.BAD_REQUEST; // invalid_request_error, wrong_api_format: our request is wrong
    }

    /**
     * What makes a 200 unusable before its content is parsed; null when there is content to parse. A cut-off answer
     * may still hold text (half an object), or none when a reasoning model spent the budget thinking.
     */
    static ErrorCategory categoryOfAnswer(String content, String finishReason) {
        if ("length".equals(finishReason)) {
            return ErrorCategory.TRUNCATED; // stopped at max_completion_tokens: the same budget stops it again
        }
        if (content == null || content.isBlank()) {
            return ErrorCategory.INVALID_OUTPUT; // nothing to parse; another answer may have some
        }
        return null;
    }

    private static ErrorCategory byStatusClass(int status) {
        if (status >= 500 && status < 600) {
            return ErrorCategory.SERVER_ERROR; // an unlisted 5xx is still the server's fault
        }
        if (status >= 400 && status < 500) {
            return ErrorCategory.BAD_REQUEST; // an unlisted 4xx blames the request
        }
        return ErrorCategory.GENERAL; // 1xx/3xx where a completion was expected
    }

    private static boolean isFastApiNotAuthenticated(ProviderError error) {
        return error.detail() != null
                && error.code() == null
                && error.detail().toLowerCase(java.util.Locale.ROOT).contains("authenticated");
    }

    /** Transport failures: walks the cause chain, timeouts first. */
    static ErrorCategory categoryOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderCallException call) {
                return call.category();
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return ErrorCategory.CONNECTION_ERROR; // never connected: the host is unreachable
            }
            if (cause instanceof HttpTimeoutException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof TimeoutException) {
                return ErrorCategory.TIMEOUT; // connected, but no answer within the read timeout
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException) {
                return ErrorCategory.CONNECTION_ERROR; // refused, no route, or no such host
            }
            if (cause instanceof SocketException
                    || cause instanceof EOFException
                    || cause instanceof ClosedChannelException) {
                return ErrorCategory.CONNECTION_ERROR; // reset or closed while we talked
            }
            if (cause instanceof IOException && !(cause instanceof InterruptedIOException)) {
                return ErrorCategory
                        .CONNECTION_ERROR; // any other I/O failure of the exchange (e.g. "received no bytes")
            }
        }
        return ErrorCategory.GENERAL; // not an HTTP status, not I/O: unknown
    }

    /**
     * How long to wait: {@code retry-after} first (seconds or HTTP date); for rate limits then the
     * reset of an exhausted window, then the minute windows' reset, and Groq's "try again in" text last.
     */
    Duration retryAfter(
            ErrorCategory category, ProviderError error, Function<String, String> header, RateLimitHeaders limits) {
        Duration fromHeader = parseRetryAfter(header.apply("retry-after"));
        if (fromHeader != null || category != ErrorCategory.RATE_LIMIT) {
            return fromHeader;
        }
        Duration exhausted = longest(
                resetIfExhausted(limits.requestsPerMinute()),
                resetIfExhausted(limits.tokensPerMinute()),
                resetIfExhausted(limits.requestsPerDay()),
                resetIfExhausted(limits.tokensPerDay()));
        if (exhausted != null) {
            return exhausted;
        }
        Duration minute = longest(reset(limits.requestsPerMinute()), reset(limits.tokensPerMinute()));
        return minute != null ? minute : Durations.tryAgainIn(error.message());
    }

    Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration seconds = Durations.parse(value);
        if (seconds != null) {
            return seconds;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static Duration resetIfExhausted(RateLimitHeaders.Window window) {
        return window != null && window.isExhausted() ? window.reset() : null;
    }

    private static Duration reset(RateLimitHeaders.Window window) {
        return window == null ? null : window.reset();
    }

    private static Duration longest(Duration... durations) {
        Duration longest = null;
        for (Duration duration : durations) {
            if (duration != null && (longest == null || duration.compareTo(longest) > 0)) {
                longest = duration;
            }
        }
        return longest;
    }
}
