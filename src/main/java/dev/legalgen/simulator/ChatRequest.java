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
        Integer n) {

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

    /** Tokens the providers would reserve at admission: the prompt estimate plus the completion budget. */
    int reservedTokens(int promptTokens) {
        Integer budget = maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
        // Cerebras' own docs send -1 meaning "no cap"; both then reserve a default budget.
        int completion = budget == null || budget < 0 ? DEFAULT_COMPLETION_RESERVATION : budget;
        return promptTokens + completion;
    }

    /** The usual ~4 characters per token, at least one. */
    static int estimateTokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }
}
