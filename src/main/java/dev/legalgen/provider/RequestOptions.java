package dev.legalgen.provider;

/**
 * What one chat request asks of its model besides the prompt: the response format, the completion budget
 * ({@code max_completion_tokens}, reasoning tokens included) and the reasoning effort (null: not sent).
 */
public record RequestOptions(
        StructuredOutput structuredOutput, int maxCompletionTokens, ReasoningEffort reasoningEffort) {

    /** What a client sends when nothing is configured for the model. */
    public static final RequestOptions DEFAULT =
            new RequestOptions(StructuredOutput.JSON_OBJECT, ProviderSettings.DEFAULT_MAX_COMPLETION_TOKENS, null);

    public RequestOptions {
        if (structuredOutput == null) {
            throw new IllegalArgumentException("structured output must be set");
        }
        if (maxCompletionTokens < 1) {
            throw new IllegalArgumentException("max completion tokens must be at least 1, was " + maxCompletionTokens);
        }
    }

    RequestOptions withJsonObject() {
        return new RequestOptions(StructuredOutput.JSON_OBJECT, maxCompletionTokens, reasoningEffort);
    }

    /**
     * For a re-ask after an answer cut off at its budget: twice the budget and one step less reasoning, since a
     * reasoning model's thinking counts towards the budget too.
     */
    public RequestOptions enlarged() {
        return new RequestOptions(
                structuredOutput,
                (int) Math.min(Integer.MAX_VALUE, 2L * maxCompletionTokens),
                reasoningEffort == null ? null : reasoningEffort.lower());
    }

    /** {@code max_completion_tokens 2048, reasoning_effort low}: how events name what a re-ask changed. */
    String budget() {
        return "max_completion_tokens " + maxCompletionTokens
                + (reasoningEffort == null ? "" : ", reasoning_effort " + reasoningEffort.wireName());
    }
}
