package dev.legalgen.config;

import java.util.List;

/** The configuration is wrong: each problem names a property, what was wrong with it and the fix. */
public class InvalidConfigurationException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
