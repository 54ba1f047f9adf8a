package dev.legalgen.api;

import dev.legalgen.catalog.Catalog;
import dev.legalgen.catalog.Difficulty;
import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.catalog.PracticeArea;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /api/generate}: one sample now. {@code practice_area} is required, {@code topic} is any
 * text (default: a random topic of the area), {@code difficulty} defaults to {@code intermediate},
 * {@code provider} (a provider or a chain, with an optional {@code model}) to {@code legalgen.job.chain}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record GenerateRequest(String practiceArea, String topic, String difficulty, String provider, String model) {

    /** Area and topic are labels of one line, which the prompt and the sample's topic carry. */
    static final int MAX_LABEL_LENGTH = 200;

    private static final Difficulty DEFAULT_DIFFICULTY = Difficulty.INTERMEDIATE;

    /**
     * The body as a plan slot. Areas and topics outside the catalog are taken: the catalog plans
     * batches, whose stored samples it keeps to known labels, while a single sample is shown to the
     * client that named it and stored nowhere. Names the catalog has take its spelling, so that the
     * labels match the batches'. An unknown area without a topic is refused: there is nothing to
     * pick a topic from.
     */
    GenerationRequest toGenerationRequest(Catalog catalog, RandomGenerator random) {
        String area = label("practice_area", practiceArea);
        if (area == null) {
            throw ApiException.badRequest("practice_area", "required, e.g. one of: " + catalog.areaNames());
        }
        Optional<PracticeArea> known = catalog.find(area);
        String areaName = known.map(PracticeArea::name).orElse(area);
        String given = label("topic", topic);
        String topicName;
        if (given != null) {
            topicName = known.flatMap(a -> a.topics().stream()
                            .filter(t -> t.equalsIgnoreCase(given))
                            .findFirst())
                    .orElse(given);
        } else {
            List<String> topics = known.orElseThrow(() -> ApiException.badRequest(
                            "practice_area",
                            "'" + area
                                    + "' is not in the built-in catalog, so there is no topic to"
                                    + " pick for it; give a topic, or one of: "
                                    + catalog.areaNames()))
                    .topics();
            topicName = topics.get(random.nextInt(topics.size()));
        }
        return new GenerationRequest(
                random.nextInt(1_000_000),
                areaName,
                topicName,
                resolvedDifficulty().label());
    }

    private Difficulty resolvedDifficulty() {
        if (difficulty == null || difficulty.isBlank()) {
            return DEFAULT_DIFFICULTY;
        }
        return Difficulty.find(difficulty)
                .orElseThrow(() -> ApiException.badRequest(
                        "difficulty",
                        "unknown difficulty '" + difficulty + "'; allowed: " + Difficulty.allowedLabels()));
    }

    /** The stripped text, or null when absent or blank. */
    private static String label(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_LABEL_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(field, "one line of at most " + MAX_LABEL_LENGTH + " characters");
        }
        return stripped;
    }
}
