package dev.legalgen.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Value spellings the providers use on the wire: Go durations, float seconds, request ids. */
final class WireFormats {

    private static final char[] CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private WireFormats() {}

    /** Go's {@code time.Duration.String()}: {@code 644ms}, {@code 7.66s}, {@code 2m59.56s}, {@code 1h0m0s}. */
    static String goDuration(Duration duration) {
        long nanos = Math.max(0, duration.toNanos());
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return decimal(nanos, 3) + "µs";
        }
        if (nanos < 1_000_000_000) {
            return decimal(nanos, 6) + "ms";
        }
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L % 60;
        long secondNanos = nanos % 60_000_000_000L;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        return text.append(decimal(secondNanos, 9)).append('s').toString();
    }

    /** Seconds as a float, as Cerebras sends them: {@code 11.382867097}, {@code 60.0}. */
    static String floatSeconds(Duration duration) {
        BigDecimal seconds =
                BigDecimal.valueOf(Math.max(0, duration.toNanos()), 9).stripTrailingZeros();
        return (seconds.scale() < 1 ? seconds.setScale(1) : seconds).toPlainString();
    }

    /** Whole seconds rounded up, at least 1: a client must never be told to retry immediately. */
    static long retryAfterSeconds(Duration wait) {
        long nanos = wait.toNanos();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** {@code req_} and a 26-character lowercase ULID, as Groq's {@code x-request-id} and {@code x_groq.id}. */
    static String groqRequestId(long epochMillis) {
        return groqId("req_", epochMillis);
    }

    /** {@code prefix} and a 26-character lowercase ULID, as Groq spells its ids: {@code file_01jh6x76wt…}. */
    static String groqId(String prefix, long epochMillis) {
        char[] ulid = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            ulid[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 10; i < 26; i++) {
            ulid[i] = CROCKFORD[random.nextInt(32)];
        }
        return prefix + new String(ulid);
    }

    /** {@code chatcmpl-} and a random version-4 UUID, without SecureRandom's cost per request. */
    static String completionId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return "chatcmpl-" + new java.util.UUID(high, low);
    }

    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
