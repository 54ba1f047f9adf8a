package dev.legalgen.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations providers send: Go strings ({@code 2m59.56s}, {@code 644ms}) and float seconds. */
final class Durations {

    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern GO_WHOLE =
            Pattern.compile("(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d*)?|\\.\\d+");
    private static final Pattern TRY_AGAIN =
            Pattern.compile("try again in ([0-9.]+(?:ns|us|µs|μs|ms|s|m|h)[0-9.a-zµμ]*)");

    private Durations() {}

    /** A Go duration or plain (float) seconds; null when the text is neither. */
    static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (SECONDS.matcher(value).matches()) {
            return ofSeconds(new BigDecimal(value));
        }
        if (GO_WHOLE.matcher(value).matches()) {
            return parseGo(value);
        }
        return null;
    }

    /** Groq's "Please try again in 6.780999999s." inside a 429 message; null when absent. */
    static Duration tryAgainIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = TRY_AGAIN.matcher(message);
        return matcher.find() ? parse(stripTrailingDot(matcher.group(1))) : null;
    }

    private static String stripTrailingDot(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static Duration parseGo(String value) {
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = GO_PART.matcher(value);
        while (part.find()) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(nanosPer(part.group(2))));
        }
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static BigDecimal nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> BigDecimal.ONE;
            case "us", "µs", "μs" -> BigDecimal.valueOf(1_000L);
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    private static Duration ofSeconds(BigDecimal seconds) {
        return Duration.ofNanos(
                seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Human-readable and short: {@code 6.8s}, {@code 9m38s}, {@code 23h59m59s}. */
    static String format(Duration duration) {
        if (duration == null) {
            return "unknown";
        }
        if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).setScale(1, RoundingMode.HALF_UP) + "s";
        }
        long seconds = duration.toSeconds();
        String text = (seconds >= 3600 ? seconds / 3600 + "h" : "") + (seconds % 3600) / 60 + "m" + seconds % 60 + "s";
        return text;
    }
}
