package dev.legalgen.simulator;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Success bodies in each dialect's shape: Groq times inside {@code usage}, Cerebras in {@code time_info}. */
final class CompletionBodies {

    // Plausible speeds for the fake timings: prompt tokens are read ~20x faster than completion tokens are written.
    private static final double PROMPT_TOKENS_PER_SECOND = 20_000.0;
    private static final double COMPLETION_TOKENS_PER_SECOND = 1_000.0;
    private static final double QUEUE_TIME = 0.000_1;

    private final Dialect dialect;
    private final JsonMapper json;

    CompletionBodies(Dialect dialect, JsonMapper json) {
        this.dialect = dialect;
        this.json = json;
    }

    /** A chat.completion with one choice whose content is {@code content}. */
    byte[] success(Completion completion) {
        ObjectNode body = dialect == Dialect.GROQ ? groq(completion) : cerebras(completion);
        return json.writeValueAsBytes(body);
    }

    /** What one answered request needs to be rendered. */
    record Completion(
            String model,
            String content,
            String finishReason,
            int promptTokens,
            int completionTokens,
            int reasoningTokens,
            long created,
            String requestId) {

        double promptTime() {
            return promptTokens / PROMPT_TOKENS_PER_SECOND;
        }

        double completionTime() {
            return completionTokens / COMPLETION_TOKENS_PER_SECOND;
        }
    }

    private ObjectNode groq(Completion completion) {
        ObjectNode body = head(completion);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", completion.content());
        choice.putNull("logprobs");
        choice.put("finish_reason", completion.finishReason());
        ObjectNode usage = body.putObject("usage");
        usage.put("queue_time", QUEUE_TIME);
        usage.put("prompt_tokens", completion.promptTokens());
        usage.put("prompt_time", completion.promptTime());
        usage.put("completion_tokens", completion.completionTokens());
        usage.put("completion_time", completion.completionTime());
        usage.put("total_tokens", completion.promptTokens() + completion.completionTokens());
        usage.put("total_time", completion.promptTime() + completion.completionTime());
        if (completion.reasoningTokens() > 0) {
            usage.putObject("completion_tokens_details").put("reasoning_tokens", completion.reasoningTokens());
        }
        body.put("system_fingerprint", "fp_sim0000001");
        body.putObject("x_groq").put("id", completion.requestId());
        body.put("service_tier", "on_demand");
        return body;
    }

    private ObjectNode cerebras(Completion completion) {
        ObjectNode body = json.createObjectNode();
        body.put("id", WireFormats.completionId());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("finish_reason", completion.finishReason());
        choice.put("index", 0);
        choice.putObject("message").put("content", completion.content()).put("role", "assistant");
        body.put("created", completion.created());
        body.put("model", completion.model());
        body.put("system_fingerprint", "fp_sim0000001");
        body.put("object", "chat.completion");
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", completion.promptTokens());
        usage.put("completion_tokens", completion.completionTokens());
        usage.put("total_tokens", completion.promptTokens() + completion.completionTokens());
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("accepted_prediction_tokens", 0)
                .put("reasoning_tokens", completion.reasoningTokens())
                .put("rejected_prediction_tokens", 0);
        ObjectNode timeInfo = body.putObject("time_info");
        timeInfo.put("queue_time", QUEUE_TIME);
        timeInfo.put("prompt_time", completion.promptTime());
        timeInfo.put("completion_time", completion.completionTime());
        timeInfo.put("total_time", QUEUE_TIME + completion.promptTime() + completion.completionTime());
        timeInfo.put("created", completion.created());
        return body;
    }

    private ObjectNode head(Completion completion) {
        ObjectNode body = json.createObjectNode();
        body.put("id", WireFormats.completionId());
        body.put("object", "chat.completion");
        body.put("created", completion.created());
        body.put("model", completion.model());
        return body;
    }
}
