package dev.legalgen.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Wire body of {@code POST /chat/completions}: JSON-schema or JSON-object mode, capped completion tokens, and the
 * reasoning effort when one is set (fields left null are not sent: both providers refuse some they do not know).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatRequest(
        String model,
        List<Message> messages,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        @JsonProperty("max_completion_tokens") int maxCompletionTokens,
        @JsonProperty("reasoning_effort") String reasoningEffort) {

    record Message(String role, String content) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResponseFormat(
            String type, @JsonProperty("json_schema") JsonSchema jsonSchema) {}

    record JsonSchema(String name, boolean strict, JsonNode schema) {}

    static ChatRequest of(
            String model, String systemPrompt, String userPrompt, RequestOptions options, ResponseSchema schema) {
        return new ChatRequest(
                model,
                List.of(new Message("system", systemPrompt), new Message("user", userPrompt)),
                responseFormat(options.structuredOutput(), schema),
                options.maxCompletionTokens(),
                options.reasoningEffort() == null
                        ? null
                        : options.reasoningEffort().wireName());
    }

    private static ResponseFormat responseFormat(StructuredOutput output, ResponseSchema schema) {
        return switch (output) {
            case JSON_SCHEMA ->
                new ResponseFormat(output.wireName(), new JsonSchema(schema.name(), true, schema.schema()));
            case JSON_OBJECT -> new ResponseFormat(output.wireName(), null);
        };
    }
}
