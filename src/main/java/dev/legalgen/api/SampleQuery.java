package dev.legalgen.api;

import dev.legalgen.catalog.Difficulty;
import dev.legalgen.quality.citation.CitationCheck;
import dev.legalgen.store.SampleFilter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code GET /api/samples}' optional filters as the query names them; blank means absent. {@code execution_id}
 * keeps to that execution's instance, {@code citation_check} and {@code difficulty} must be values samples have.
 */
record SampleQuery(
        Long executionId,
        String practiceArea,
        String topic,
        String difficulty,
        String provider,
        String model,
        String citationCheck) {

    /** The filter for the store; {@code instanceId} is the instance of {@code execution_id}, or null. */
    SampleFilter filter(Long instanceId) {
        return new SampleFilter(
                instanceId,
                text(practiceArea),
                text(topic),
                difficultyLabel(),
                text(provider),
                text(model),
                citationCheckName());
    }

    private String difficultyLabel() {
        String value = text(difficulty);
        if (value == null) {
            return null;
        }
        return Difficulty.find(value)
                .map(Difficulty::label)
                .orElseThrow(() -> ApiException.badRequest(
                        "difficulty", "unknown difficulty '" + value + "'; allowed: " + Difficulty.allowedLabels()));
    }

    private String citationCheckName() {
        String value = text(citationCheck);
        if (value == null) {
            return null;
        }
        return Arrays.stream(CitationCheck.values())
                .map(CitationCheck::jsonName)
                .filter(value::equals)
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest(
                        "citation_check",
                        "unknown citation check '" + value + "'; allowed: "
                                + Arrays.stream(CitationCheck.values())
                                        .map(CitationCheck::jsonName)
                                        .collect(Collectors.joining(", "))));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
