package dev.legalgen.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How hard a generated question is; the lowercase label is what parameters, prompts and samples use. */
public enum Difficulty {
    BASIC,
    INTERMEDIATE,
    ADVANCED;

    /** {@code basic}, {@code intermediate} or {@code advanced}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Matches a label ignoring case and surrounding blanks. */
    public static Optional<Difficulty> find(String label) {
        String key = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(difficulty -> difficulty.label().equals(key))
                .findFirst();
    }

    /** Like {@link #find} but throws an {@link IllegalArgumentException} that lists the allowed values. */
    public static Difficulty parse(String label) {
        return find(label)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown difficulty '" + label + "'; allowed: " + allowedLabels()));
    }

    /** {@code basic, intermediate, advanced}. */
    public static String allowedLabels() {
        return Arrays.stream(values()).map(Difficulty::label).collect(Collectors.joining(", "));
    }
}
