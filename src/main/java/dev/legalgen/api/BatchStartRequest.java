package dev.legalgen.api;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /api/generate/batch/start}: the job parameters in the seed's terms.
 * {@code provider} (or a comma chain) and {@code model} become the {@code chain} parameter, {@code run_id}
 * the {@code runId} that names a new instance of the same parameters, {@code output} the export file, {@code max_tokens} and
 * {@code max_cost_usd} the budget, {@code mode} ({@code sync}, {@code batch}) the mode; absent fields take the command line's defaults.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record BatchStartRequest(
        Integer targetCount,
        String provider,
        String model,
        String dataset,
        List<String> practiceAreas,
        List<String> difficulties,
        String runId,
        String output,
        Long maxTokens,
        BigDecimal maxCostUsd,
        String mode) {

    /** No body: every parameter at its default. */
    static final BatchStartRequest EMPTY =
            new BatchStartRequest(null, null, null, null, null, null, null, null, null, null, null);
}
