package dev.legalgen.quality.citation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the check found of one sample's {@code case_citation}; spelled in JSON as the constant in lower case. */
public enum CitationCheck {
    /** Well-formed, the reporter exists and the year lies within that reporter's dates. */
    RECOGNIZED,
    /** Recognized, and a lookup service found the citation. */
    VERIFIED,
    /** Well-formed, but no known reporter has that abbreviation. */
    UNRECOGNIZED_REPORTER,
    /** Well-formed, but the year lies outside the reporter's dates or in the future. */
    DATE_OUT_OF_RANGE,
    /** Not a case citation. */
    MALFORMED,
    /** Exactly "No single controlling case", as the prompt asks when no case states the rule. */
    NONE;

    /** Whether the citation is acceptable as it is: a recognized or verified case, or none claimed. */
    public boolean passes() {
        return this == RECOGNIZED || this == VERIFIED || this == NONE;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CitationCheck fromJsonName(String name) {
        for (CitationCheck check : values()) {
            if (check.jsonName().equals(name)) {
                return check;
            }
        }
        throw new IllegalArgumentException("unknown citation check '" + name + "'");
    }
}
