package dev.legalgen.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code legalgen.api.*}: {@code token}, when set, is the bearer token the POST endpoints require. */
@ConfigurationProperties("legalgen.api")
public record ApiSettings(String token) {

    boolean tokenRequired() {
        return token != null && !token.isBlank();
    }

    /** Constant-time, so the comparison does not leak how much of a guess was right. */
    boolean accepts(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        token.strip().getBytes(StandardCharsets.UTF_8),
                        presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** A record would print the token. */
    @Override
    public String toString() {
        return "ApiSettings[token=" + (tokenRequired() ? "****" : "<none>") + "]";
    }
}
