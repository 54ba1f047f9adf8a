package dev.legalgen.config;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with one settings record, so that all its problems are reported at once. */
public final class SettingsProblems {

    private final List<String> problems = new ArrayList<>();

    /** Records {@code problem} unless {@code condition} holds. */
    public SettingsProblems require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
        return this;
    }

    public SettingsProblems add(String problem) {
        problems.add(problem);
        return this;
    }

    /** @throws InvalidConfigurationException listing every problem recorded */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }
}
