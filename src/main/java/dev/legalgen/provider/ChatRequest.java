package dev.legalgen.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Wire body of {@code POST /chat/completions}: JSON-object mode, capped completion tokens. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatRequest(
        String model,
        List<Message> messages,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        @JsonProperty("max_completion_tokens") int maxCompletionTokens,
        Double temperature) {

    record Message(String role, String content) {}

    record ResponseFormat(String type) {
        static final ResponseFormat JSON_OBJECT = new ResponseFormat("json_object");
    }

    static ChatRequest jsonObject(
            String model, String systemPrompt, String userPrompt, int maxCompletionTokens, Double temperature) {
        return new ChatRequest(
                model,
                List.of(new Message("system", systemPrompt), new Message("user", userPrompt)),
                ResponseFormat.JSON_OBJECT,
                maxCompletionTokens,
                temperature);
    }
}
