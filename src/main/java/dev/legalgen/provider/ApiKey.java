package dev.legalgen.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** An API key that never shows its value in {@code toString}, logs or exception messages. */
public final class ApiKey {

    private static final ApiKey NONE = new ApiKey("");

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** Binds from configuration: blank or null means "no key". */
    public static ApiKey of(String value) {
        return value == null || value.isBlank() ? NONE : new ApiKey(value.strip());
    }

    public static ApiKey none() {
        return NONE;
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** The secret itself, for the Authorization header only. */
    String reveal() {
        return value;
    }

    /** Removes the key from text that might echo it (provider messages, exception text). */
    String redact(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        return text.replace(value, "****");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), key.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return isPresent() ? 1 : 0;
    }

    @Override
    public String toString() {
        return isPresent() ? "****" : "<none>";
    }
}
