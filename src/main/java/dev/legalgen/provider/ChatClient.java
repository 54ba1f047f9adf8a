package dev.legalgen.provider;

/** Something that answers a chat completion for a model: the HTTP client, or a fake in tests. */
@FunctionalInterface
public interface ChatClient {

    /** Throws {@link ProviderCallException} on any failure. */
    Completion complete(String model, String systemPrompt, String userPrompt);
}
