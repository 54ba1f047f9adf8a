package dev.legalgen.provider;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one line of a batch input file: {@code {"custom_id","method":"POST","url":"/v1/chat/completions","body"}},
 * its body exactly what {@link OpenAiCompatibleClient} sends synchronously for the same request.
 */
public final class BatchRequestLine {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Line(@JsonProperty("custom_id") String customId, String method, String url, ChatRequest body) {}

    private BatchRequestLine() {}

    /** The line, without its line break. */
    public static String of(
            String customId, String model, String systemPrompt, String userPrompt, RequestOptions options) {
        if (customId == null || customId.isBlank()) {
            throw new IllegalArgumentException("a batch line needs a custom_id, was " + customId);
        }
        return JSON.writeValueAsString(new Line(
                customId,
                "POST",
                BatchApiClient.CHAT_ENDPOINT,
                ChatRequest.of(model, systemPrompt, userPrompt, options, ResponseSchema.SAMPLE)));
    }
}
