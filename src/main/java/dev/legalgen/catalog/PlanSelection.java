package dev.legalgen.catalog;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the selected practice areas and difficulties into selections in canonical order
 * (catalog order, then basic → advanced), so the listing order of a parameter never changes the plan.
 */
final class PlanSelection {

    private PlanSelection() {}

    static List<PracticeArea> practiceAreas(Catalog catalog, List<String> names) {
        if (names == null || names.isEmpty()) {
            return catalog.practiceAreas();
        }
        Set<PracticeArea> chosen = new HashSet<>();
        for (String name : names) {
            String known = "known: " + catalog.areaNames();
            requireNonBlank(PlanException.Subject.PRACTICE_AREAS, name, known);
            Optional<PracticeArea> area = catalog.find(name);
            if (area.isEmpty()) {
                throw new PlanException(
                        PlanException.Subject.PRACTICE_AREAS, "unknown practice area '" + name.strip() + "'; " + known);
            }
            if (!chosen.add(area.get())) {
                throw new PlanException(
                        PlanException.Subject.PRACTICE_AREAS,
                        "'" + name.strip() + "' is listed twice; list each practice area once");
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
            requireNonBlank(PlanException.Subject.DIFFICULTIES, label, allowed);
            Difficulty difficulty = Difficulty.find(label)
                    .orElseThrow(() -> new PlanException(
                            PlanException.Subject.DIFFICULTIES,
                            "unknown difficulty '" + label.strip() + "'; " + allowed));
            if (!chosen.add(difficulty)) {
                throw new PlanException(
                        PlanException.Subject.DIFFICULTIES,
                        "'" + label.strip() + "' is listed twice; list each difficulty once");
            }
        }
        return Arrays.stream(Difficulty.values()).filter(chosen::contains).toList();
    }

    private static void requireNonBlank(PlanException.Subject subject, String value, String allowed) {
        if (value == null || value.isBlank()) {
            throw new PlanException(subject, "empty entry in the comma-separated list; " + allowed);
        }
    }
}
