package dev.legalgen.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The answer to start and stop: the execution concerned, its status now, and a line for the user. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record LaunchBody(long executionId, String status, String message) {}
