package dev.legalgen.api;

import dev.legalgen.export.SampleJson;
import java.time.Duration;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code POST /api/generate} in the seed's envelope: the sample, its tokens and the
 * request's wall time in seconds (retries and failover included). {@code success} is always true:
 * a refusal is a problem detail instead.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record GenerateResponse(boolean success, SampleJson sample, long tokensUsed, double elapsed) {

    static GenerateResponse of(SampleJson sample, Duration elapsed) {
        return new GenerateResponse(true, sample, sample.tokensUsed(), elapsed.toMillis() / 1000.0);
    }
}
