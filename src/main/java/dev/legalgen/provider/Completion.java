package dev.legalgen.provider;

/** A model's answer with its token usage and latency. */
public record Completion(
        String provider,
        String model,
        String content,
        int promptTokens,
        int completionTokens,
        int totalTokens,
        long latencyMs) {

    public Route route() {
        return new Route(provider, model);
    }
}
