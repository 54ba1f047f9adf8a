package dev.legalgen.provider;

/**
 * Tokens one call (or the calls of one sample) was billed for, as the provider's {@code usage} reports them:
 * {@code reasoning} is the part of {@code completion} the model spent thinking
 * ({@code completion_tokens_details.reasoning_tokens}, 0 when not given), already inside {@code completion}.
 */
public record TokenUsage(long prompt, long completion, long reasoning) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    /**
     * The most a call may be billed before it is sent, as the providers' own admission estimates it: a token per four
     * characters of prompt, and the whole completion budget.
     */
    public static TokenUsage worstCase(int promptChars, int completionBudget) {
        return new TokenUsage(promptChars / 4L, completionBudget, 0);
    }

    /** What the providers bill and the budgets count: prompt plus completion (reasoning included). */
    public long total() {
        return prompt + completion;
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(prompt + other.prompt, completion + other.completion, reasoning + other.reasoning);
    }
}
