package dev.legalgen.provider;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake provider: per model, a script of outcomes (a category to fail with, or content); afterwards it succeeds. */
final class ScriptedClient implements ChatClient {

    private final String provider;
    private final Map<String, Deque<Object>> scripts = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile Set<String> listedModels;

    ScriptedClient(String provider) {
        this.provider = provider;
    }

    ScriptedClient script(String model, Object... outcomes) {
        scripts.computeIfAbsent(model, m -> new ArrayDeque<>()).addAll(List.of(outcomes));
        return this;
    }

    /** Fails every call of the model with this category. */
    ScriptedClient always(String model, ErrorCategory category) {
        scripts.put(model, new AlwaysDeque(category));
        return this;
    }

    /** From now on, the model listing answers these ids (until then: cannot tell). */
    ScriptedClient listsModels(String... models) {
        listedModels = Set.of(models);
        return this;
    }

    @Override
    public Optional<Set<String>> listModels() {
        return Optional.ofNullable(listedModels);
    }

    @Override
    public Completion complete(String model, String systemPrompt, String userPrompt) {
        calls.add(model);
        Object outcome;
        Deque<Object> script = scripts.get(model);
        synchronized (this) {
            outcome = script == null || script.isEmpty() ? "{\"ok\":true}" : script.poll();
        }
        if (outcome instanceof ErrorCategory category) {
            throw failure(model, category, category == ErrorCategory.RATE_LIMIT ? Duration.ofSeconds(2) : null);
        }
        if (outcome instanceof ProviderCallException failure) {
            throw failure;
        }
        return new Completion(provider, model, (String) outcome, 10, 20, 30, 5);
    }

    ProviderCallException failure(String model, ErrorCategory category, Duration retryAfter) {
        return new ProviderCallException(
                provider,
                model,
                category,
                500,
                category.label(),
                null,
                retryAfter,
                provider + " " + model + " " + category.label(),
                null);
    }

    private static final class AlwaysDeque extends ArrayDeque<Object> {
        private final ErrorCategory category;

        AlwaysDeque(ErrorCategory category) {
            this.category = category;
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public Object poll() {
            return category;
        }
    }
}
