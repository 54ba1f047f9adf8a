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
    /** What each call asked for, in call order. */
    final List<RequestOptions> asked = new CopyOnWriteArrayList<>();

    private final Map<String, RequestOptions> configured = new ConcurrentHashMap<>();
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

    /** Requests to {@code model} ask for {@code options} before the chain adapts them. */
    ScriptedClient configure(String model, RequestOptions options) {
        configured.put(model, options);
        return this;
    }

    @Override
    public RequestOptions requestOptions(String model) {
        return configured.getOrDefault(model, RequestOptions.DEFAULT);
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
    public Completion complete(String model, String systemPrompt, String userPrompt, RequestOptions options) {
        calls.add(model);
        asked.add(options);
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
        return new Completion(provider, model, (String) outcome, new Bill(new TokenUsage(10, 20, 0), null), 5);
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
