package dev.legalgen.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.legalgen.generation.LegalSample;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A sample as the export writes it (ARCHITECTURE §6, snake_case); a sample generated on request and
 * not stored has no id, batch or timestamps.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record SampleBody(
        String id,
        String provider,
        String model,
        Instant createdAt,
        Instant updatedAt,
        String batchId,
        String question,
        String answer,
        String reasoning,
        String caseCitation,
        String practiceArea,
        String topic,
        String difficulty,
        int tokensUsed,
        long latencyMs) {

    static SampleBody of(LegalSample s) {
        return new SampleBody(s.id(), s.provider(), s.model(), s.createdAt(), s.updatedAt(), s.batchId(),
                s.question(), s.answer(), s.reasoning(), s.caseCitation(), s.practiceArea(), s.topic(),
                s.difficulty(), s.tokensUsed(), s.latencyMs());
    }
}
