package dev.legalgen.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-model request options, bound from {@code legalgen.providers.<name>.model-options[<model>]}; a null value
 * leaves the provider's default: {@code json_object}, no {@code reasoning_effort}, the provider's
 * {@code max-completion-tokens}.
 */
public record ModelOptions(
        StructuredOutput structuredOutput, ReasoningEffort reasoningEffort, Integer maxCompletionTokens) {

    static final ModelOptions NONE = new ModelOptions(null, null, null);

    /** Problems with these options, each naming the property under {@code path}; empty when valid. */
    List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (maxCompletionTokens != null && maxCompletionTokens < 1) {
            problems.add(path + ".max-completion-tokens must be at least 1 when set, was " + maxCompletionTokens);
        }
        return problems;
    }
}
