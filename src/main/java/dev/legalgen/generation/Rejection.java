package dev.legalgen.generation;

import java.util.Locale;

/** Why one generation for a slot was not accepted, in words the re-ask quotes to the model. */
public record Rejection(Reason reason, String problem) {

    /** The kinds of rejection counted in {@code status}, events and metrics. */
    public enum Reason {
        /** A check of the sample's fields ({@code legalgen.quality.validation.*}) failed. */
        VALIDATION,
        /** The case citation failed its check under {@code legalgen.quality.citations=reask}. */
        CITATION,
        /** The question, once normalised, is one the dataset already has. */
        EXACT_DUPLICATE,
        /** The question nearly repeats one the dataset already has. */
        NEAR_DUPLICATE;

        public boolean duplicate() {
            return this == EXACT_DUPLICATE || this == NEAR_DUPLICATE;
        }

        /** The snake_case name used in events, metrics and the README. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
