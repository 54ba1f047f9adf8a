package dev.legalgen.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Wire body of a chat completion; {@code reasoning}, {@code x_groq}, {@code time_info} and the like are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatResponse(String model, List<Choice> choices, Usage usage) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Choice(
            Message message, @JsonProperty("finish_reason") String finishReason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String role, String content) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Usage(
            @JsonProperty("prompt_tokens") long promptTokens,
            @JsonProperty("completion_tokens") long completionTokens,
            @JsonProperty("completion_tokens_details") CompletionDetails completionDetails) {

        TokenUsage tokens() {
            return new TokenUsage(
                    promptTokens,
                    completionTokens,
                    completionDetails == null ? 0 : completionDetails.reasoningTokens());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompletionDetails(
            @JsonProperty("reasoning_tokens") long reasoningTokens) {}

    /** The tokens billed, none when the body has no {@code usage}. */
    TokenUsage tokens() {
        return usage == null ? TokenUsage.NONE : usage.tokens();
    }

    /** The first choice's content, or null when there is none. */
    String firstContent() {
        if (choices == null
                || choices.isEmpty()
                || choices.get(0) == null
                || choices.get(0).message() == null) {
            return null;
        }
        return choices.get(0).message().content();
    }

    String firstFinishReason() {
        return choices == null || choices.isEmpty() || choices.get(0) == null
                ? null
                : choices.get(0).finishReason();
    }

    /** What makes this answer unusable ({@link FailureClassifier#categoryOfAnswer}), null when it has content to parse. */
    ErrorCategory unusable() {
        return FailureClassifier.categoryOfAnswer(firstContent(), firstFinishReason());
    }

    /** Names why an {@link #unusable()} answer is: {@code empty_choices}, {@code finish_length}, ... */
    String unusableReason() {
        String finishReason = firstFinishReason();
        String content = firstContent();
        return finishReason == null
                ? "empty_choices"
                : (content == null || content.isBlank() ? "no_content_finish_" : "finish_") + finishReason;
    }
}
