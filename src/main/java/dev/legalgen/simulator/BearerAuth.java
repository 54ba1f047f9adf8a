package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer <key>}; with no configured key, any non-empty token is accepted. */
final class BearerAuth {

    private static final String PREFIX = "Bearer ";

    private final byte[] expectedKey;

    BearerAuth(String apiKey) {
        this.expectedKey = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    }

    boolean accepts(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String token = header.substring(PREFIX.length()).strip();
        if (token.isEmpty()) {
            return false;
        }
        // Constant-time, out of habit: even a fake server should not teach timing-leaky comparisons.
        return expectedKey == null || MessageDigest.isEqual(expectedKey, token.getBytes(StandardCharsets.UTF_8));
    }
}
