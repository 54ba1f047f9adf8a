package dev.legalgen.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.core.convert.ConversionFailedException;

/** What a failed value is told as: the property, the value (never a secret's), what was expected. */
final class FailureLines {

    private FailureLines() {}

    static List<String> of(BindingRecorder.Failure failure) {
        InvalidConfigurationException problems = find(failure.error(), InvalidConfigurationException.class);
        if (problems != null) {
            return problems.problems();
        }
        String name = failure.name().toString();
        Class<?> type = failure.target().getType().resolve(Object.class);
        ConversionFailedException conversion = find(failure.error(), ConversionFailedException.class);
        if (conversion != null) {
            return List.of(name + ": " + shown(name, conversion.getValue()) + " is not " + expected(type));
        }
        return List.of(name + ": " + rootMessage(failure.error()));
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> constant.toString().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration (a number and a unit: 500ms, 30s, 5m, 1h)";
        }
        if (type == URI.class) {
            return "a URI (https://host/path)";
        }
        return "a " + type.getSimpleName();
    }

    /** A value as shown in a message: quoted, and masked when the property holds a secret. */
    private static String shown(String name, Object value) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean secret = lower.contains("key")
                || lower.contains("token")
                || lower.contains("password")
                || lower.contains("secret");
        return secret ? "the value given" : "'" + value + "'";
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
