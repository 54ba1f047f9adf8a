package dev.legalgen.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** An HTTP answer before the common headers are added. {@code retryAfter} null means no {@code retry-after}. */
record Reply(int status, String contentType, byte[] body, Duration retryAfter) {

    static final String JSON = "application/json";

    static Reply json(int status, byte[] body) {
        return new Reply(status, JSON, body, null);
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    Reply withRetryAfter(Duration wait) {
        return new Reply(status, contentType, body, wait);
    }
}
