package dev.legalgen.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The fields of an OpenAI chat-completions request the simulator acts on; the rest is accepted and ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatRequest(
        String model,
        List<Message> messages,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        @JsonProperty("max_tokens") Integer maxTokens,
        Integer n,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        @JsonProperty("reasoning_effort") String reasoningEffort) {

    static final String JSON_SCHEMA = "json_schema";

    /** {@code {"type": "json_object"}} or {@code {"type": "json_schema", "json_schema": {name, strict, schema}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResponseFormat(
            String type, @JsonProperty("json_schema") JsonSchema jsonSchema) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record JsonSchema(String name, Boolean strict, JsonNode schema) {}

    /** What Cerebras was observed to reserve when the request names no completion budget. */
    static final int DEFAULT_COMPLETION_RESERVATION = 16_384;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String role, JsonNode content) {

        /** Plain string content, or the text parts of an array of content parts. */
        String text() {
            if (content == null || content.isNull()) {
                return "";
            }
            if (content.isString()) {
                return content.asString();
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                JsonNode partText = part.get("text");
                if (partText != null && partText.isString()) {
                    text.append(partText.asString());
                }
            }
            return text.toString();
        }
    }

    String promptText() {
        StringBuilder prompt = new StringBuilder();
        for (Message message : messages) {
            if (message != null) {
                prompt.append(message.text()).append('\n');
            }
        }
        return prompt.toString();
    }

    /** The {@code response_format.type} asked for, null when the request names none. */
    String responseFormatType() {
        return responseFormat == null ? null : responseFormat.type();
    }

    boolean asksForSchema() {
        return JSON_SCHEMA.equals(responseFormatType());
    }

    /** Tokens the providers would reserve at admission: the prompt estimate plus the completion budget. */
    int reservedTokens(int promptTokens) {
        return promptTokens + completionBudget();
    }

    /** The completion tokens the request allows; Cerebras' own docs send -1 meaning "no cap", then a default. */
    int completionBudget() {
        Integer budget = maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
        return budget == null || budget < 0 ? DEFAULT_COMPLETION_RESERVATION : budget;
    }

    /**
     * The tokens a reasoning model thinks before it answers, by the {@code reasoning_effort} asked for (none when not
     * asked); reported as {@code completion_tokens_details.reasoning_tokens}, inside the completion tokens.
     */
    int reasoningTokens() {
        if (reasoningEffort == null) {
            return 0;
        }
        return switch (reasoningEffort) {
            case "low" -> 16;
            case "high" -> 256;
            default -> 64;
        };
    }

    /** The usual ~4 characters per token, at least one. */
    static int estimateTokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }
}
