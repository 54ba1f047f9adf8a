package dev.legalgen.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/generate/batch/restart} and {@code /abandon}: the execution concerned, required. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ExecutionRequest(Long executionId) {

    /** The id, or a 400 naming the field. */
    static long required(ExecutionRequest request) {
        if (request == null || request.executionId() == null) {
            throw ApiException.badRequest(
                    "execution_id",
                    "required: the execution, e.g. {\"execution_id\": 12} (GET /api/generate/batch/executions lists them)");
        }
        return request.executionId();
    }
}
