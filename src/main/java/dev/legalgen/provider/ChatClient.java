package dev.legalgen.provider;

import java.util.Optional;
import java.util.Set;

/** Something that answers a chat completion for a model: the HTTP client, or a fake in tests. */
@FunctionalInterface
public interface ChatClient {

    /** One completion asking for what {@code options} say; throws {@link ProviderCallException} on any failure. */
    Completion complete(String model, String systemPrompt, String userPrompt, RequestOptions options);

    /** What a request to {@code model} asks for as configured, before the chain adapts it to the run and the item. */
    default RequestOptions requestOptions(String model) {
        return RequestOptions.DEFAULT;
    }

    /**
     * The model ids the endpoint serves to this key, asked once before a run's first call; empty when this
     * client cannot tell. Throws {@link ProviderCallException} when the listing fails.
     */
    default Optional<Set<String>> listModels() {
        return Optional.empty();
    }
}
