package dev.legalgen.catalog;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code practiceAreas} and {@code difficulties} parameters into selections in canonical order
 * (catalog order, then basic → advanced), so the listing order of a parameter never changes the plan.
 */
final class PlanSelection {

    static final String PRACTICE_AREAS = "practiceAreas";
    static final String DIFFICULTIES = "difficulties";
    static final String TARGET_COUNT = "targetCount";
    static final int MAX_TARGET_COUNT = 1_000_000;

    private PlanSelection() {
    }

    static List<PracticeArea> practiceAreas(Catalog catalog, List<String> names) {
        if (names == null || names.isEmpty()) {
            return catalog.practiceAreas();
        }
        Set<PracticeArea> chosen = new HashSet<>();
        for (String name : names) {
            String known = "known: " + catalog.areaNames();
            requireNonBlank(PRACTICE_AREAS, name, known);
            Optional<PracticeArea> area = catalog.find(name);
            if (area.isEmpty()) {
                throw new PlanException(PRACTICE_AREAS + ": unknown practice area '" + name.strip() + "'; " + known);
            }
            if (!chosen.add(area.get())) {
                throw new PlanException(PRACTICE_AREAS + ": '" + name.strip() + "' is listed twice; list each practice area once");
            }
        }
        return catalog.practiceAreas().stream().filter(chosen::contains).toList();
    }

    static List<Difficulty> difficulties(List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            return List.of(Difficulty.values());
        }
        Set<Difficulty> chosen = new HashSet<>();
        for (String label : labels) {
            String allowed = "allowed: " + Difficulty.allowedLabels();
            requireNonBlank(DIFFICULTIES, label, allowed);
            Difficulty difficulty = Difficulty.find(label).orElseThrow(() -> new PlanException(
                    DIFFICULTIES + ": unknown difficulty '" + label.strip() + "'; " + allowed));
            if (!chosen.add(difficulty)) {
                throw new PlanException(DIFFICULTIES + ": '" + label.strip() + "' is listed twice; list each difficulty once");
            }
        }
        return Arrays.stream(Difficulty.values()).filter(chosen::contains).toList();
    }

    static int targetCount(int targetCount) {
        if (targetCount < 1 || targetCount > MAX_TARGET_COUNT) {
            throw new PlanException(TARGET_COUNT + ": " + targetCount + " is out of range; allowed: 1 to " + MAX_TARGET_COUNT);
        }
        return targetCount;
    }

    private static void requireNonBlank(String parameter, String value, String allowed) {
        if (value == null || value.isBlank()) {
            throw new PlanException(parameter + ": empty entry in the comma-separated list; " + allowed);
        }
    }
}
