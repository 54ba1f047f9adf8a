package dev.legalgen.api;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /api/generate/batch/start}: the job parameters in the seed's terms.
 * {@code provider} (or a comma chain) and {@code model} become the {@code chain} parameter; absent
 * fields take the command line's defaults.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record BatchStartRequest(
        Integer targetCount,
        String provider,
        String model,
        String dataset,
        List<String> practiceAreas,
        List<String> difficulties) {}
