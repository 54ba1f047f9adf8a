package dev.legalgen.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body Jackson could not read, as the client wrote it: the field by its JSON name and what it must
 * be ({@code target_count must be a whole number}), never Jackson's own text, which names Java types.
 */
record UnreadableBody(String field, String detail) {

    static UnreadableBody of(Throwable cause) {
        if (!(cause instanceof JacksonException jackson) || jackson.getPath().isEmpty()) {
            return new UnreadableBody(null, "the request body is not valid JSON for this endpoint");
        }
        String field = jackson.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return new UnreadableBody(field, field + ": unknown field" + known(unknown));
        }
        Class<?> expected = jackson instanceof MismatchedInputException mismatch
                ? mismatch.getTargetType()
                : jackson instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        String kind = expected == null ? null : kind(expected);
        return new UnreadableBody(
                field, field + (kind == null ? " has a value of the wrong kind" : " must be " + kind));
    }

    /** The JSON kind of value a Java type reads; null for the types our bodies do not have. */
    private static String kind(Class<?> type) {
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)
                || type == double.class
                || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list of strings"; // the only lists our bodies have
        }
        return null;
    }

    private static String known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null
                ? ""
                : "; known: "
                        + e.getKnownPropertyIds().stream()
                                .map(String::valueOf)
                                .sorted()
                                .collect(Collectors.joining(", "));
    }
}
