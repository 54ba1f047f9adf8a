package dev.legalgen.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /api/generate}: one sample now. {@code topic} defaults to a random topic of the area,
 * {@code difficulty} to {@code intermediate}, {@code provider} (a provider, {@code provider:model} or a
 * chain) to {@code legalgen.job.chain}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record GenerateRequest(String practiceArea, String topic, String difficulty, String provider) {}
