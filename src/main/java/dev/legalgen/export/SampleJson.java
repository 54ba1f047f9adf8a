package dev.legalgen.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.legalgen.generation.LegalSample;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A sample as JSON: the export's line (README, Output: snake_case, in this field order) and the REST
 * API's body. A sample generated on request and not stored has no batch id; one with a call on a model without a
 * configured price has no {@code cost_usd}. The cost is written as a plain decimal number, never in E notation.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampleJson(
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
        String citationCheck,
        String practiceArea,
        String topic,
        String difficulty,
        long tokensUsed,
        long promptTokens,
        long completionTokens,
        long reasoningTokens,
        @JsonRawValue String costUsd,
        long latencyMs,
        int attempts) {

    public static SampleJson of(LegalSample s) {
        return new SampleJson(
                s.id(),
                s.provider(),
                s.model(),
                s.createdAt(),
                s.updatedAt(),
                s.batchId(),
                s.question(),
                s.answer(),
                s.reasoning(),
                s.caseCitation(),
                s.citationCheck() == null ? null : s.citationCheck().jsonName(),
                s.practiceArea(),
                s.topic(),
                s.difficulty(),
                s.tokensUsed(),
                s.bill().tokens().prompt(),
                s.bill().tokens().completion(),
                s.bill().tokens().reasoning(),
                s.bill().costUsd() == null
                        ? null
                        : s.bill().costUsd().stripTrailingZeros().toPlainString(),
                s.latencyMs(),
                s.attempts());
    }
}
