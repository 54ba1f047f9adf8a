package dev.legalgen.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The splits of an export and their shares, {@code train=0.9,validation=0.05,test=0.05}: one to three of the names
 * {@value #NAMES_TEXT}, each once, with shares above 0 that add up to 1.
 */
public record SplitPlan(Map<String, Double> shares) {

    static final List<String> NAMES = List.of("train", "validation", "test");
    static final String NAMES_TEXT = "train, validation, test";

    public SplitPlan {
        shares = Map.copyOf(shares);
    }

    /** Parses {@code name=share,…}; the message of a refusal says what was wrong and what is expected. */
    public static SplitPlan parse(String text) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            String[] pair = part.strip().split("=", -1);
            if (pair.length != 2) {
                throw refused(text, "'" + part.strip() + "' is not name=share");
            }
            String name = pair[0].strip().toLowerCase(Locale.ROOT);
            if (!NAMES.contains(name)) {
                throw refused(text, "'" + pair[0].strip() + "' is not a split name (" + NAMES_TEXT + ")");
            }
            double share;
            try {
                share = Double.parseDouble(pair[1].strip());
            } catch (NumberFormatException e) {
                throw refused(text, "'" + pair[1].strip() + "' is not a number");
            }
            if (!(share > 0 && share <= 1)) {
                throw refused(text, name + "'s share must be more than 0 and at most 1, was " + pair[1].strip());
            }
            if (shares.put(name, share) != null) {
                throw refused(text, name + " is given twice");
            }
        }
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(total - 1) > 1e-9) {
            throw refused(text, "the shares add up to " + total + ", not 1");
        }
        return new SplitPlan(shares);
    }

    /** The split names in the canonical order (train, validation, test) that the files and the card use. */
    public List<String> names() {
        return NAMES.stream().filter(shares::containsKey).toList();
    }

    double share(String name) {
        return shares.get(name);
    }

    private static IllegalArgumentException refused(String text, String problem) {
        return new IllegalArgumentException("'" + text + "': " + problem
                + "; write it as train=0.9,validation=0.05,test=0.05 (one to three of " + NAMES_TEXT
                + ", shares adding up to 1)");
    }
}
