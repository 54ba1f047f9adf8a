package dev.legalgen.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/generate/batch/stop}: the execution to stop; absent, the newest running one. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StopRequest(Long executionId) {}
