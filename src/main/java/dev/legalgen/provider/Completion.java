package dev.legalgen.provider;

/** A model's answer with what it was billed and its latency. */
public record Completion(String provider, String model, String content, Bill bill, long latencyMs) {

    public Route route() {
        return new Route(provider, model);
    }

    /** Prompt plus completion tokens. */
    public long totalTokens() {
        return bill.tokens().total();
    }
}
