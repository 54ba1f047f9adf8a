package dev.legalgen.provider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One OpenAI-compatible provider, bound from {@code legalgen.providers.<name>}.
 * Limits of 0 mean unknown or unlimited; the key prints as {@code ****}. {@code modelOptions} is keyed by model id,
 * given in brackets since ids hold {@code /} and {@code .}: {@code model-options[openai/gpt-oss-120b].*}; so is
 * {@code prices}, the list price of each model ({@code prices[openai/gpt-oss-120b].input-per-million}).
 */
public record ProviderSettings(
        URI baseUrl,
        ApiKey apiKey,
        List<String> models,
        int requestsPerMinute,
        int tokensPerMinute,
        int requestsPerDay,
        int tokensPerDay,
        Duration timeout,
        Duration connectTimeout,
        int maxCompletionTokens,
        Integer weight,
        Map<String, ModelOptions> modelOptions,
        Map<String, ModelPrice> prices,
        BatchSupport batch) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_MAX_COMPLETION_TOKENS = 1024;

    public ProviderSettings {
        apiKey = apiKey == null ? ApiKey.none() : apiKey;
        models = models == null ? List.of() : List.copyOf(models);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        maxCompletionTokens = maxCompletionTokens == 0 ? DEFAULT_MAX_COMPLETION_TOKENS : maxCompletionTokens;
        modelOptions = modelOptions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(modelOptions));
        prices = prices == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prices));
        batch = batch == null ? BatchSupport.NONE : batch;
    }

    /** What a request to {@code model} asks for: its model options, the provider's defaults for the rest. */
    public RequestOptions requestOptions(String model) {
        ModelOptions own = modelOptions.getOrDefault(model, ModelOptions.NONE);
        return new RequestOptions(
                own.structuredOutput() == null ? StructuredOutput.JSON_OBJECT : own.structuredOutput(),
                own.maxCompletionTokens() == null ? maxCompletionTokens : own.maxCompletionTokens(),
                own.reasoningEffort());
    }

    /** What {@code usage} of {@code model} costs at its configured price; an unknown cost when it has none. */
    public Bill bill(String model, TokenUsage usage) {
        ModelPrice price = prices.get(model);
        return new Bill(usage, price == null ? null : price.costOf(usage));
    }

    /** What {@code usage} of {@code model} costs in a batch: its list price less the provider's batch discount. */
    public Bill batchBill(String model, TokenUsage usage) {
        ModelPrice price = prices.get(model);
        return new Bill(usage, price == null ? null : batch.discounted(price.costOf(usage)));
    }

    /** The environment variable that holds a provider's key: {@code GROQ_API_KEY} for {@code groq}. */
    public static String keyVariable(String provider) {
        return provider.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY";
    }

    /** The chat completions endpoint: {@code {baseUrl}/chat/completions}. */
    public URI chatCompletionsUri() {
        return endpoint("/chat/completions");
    }

    /** {@code {baseUrl}{path}}: the Batch API's {@code /files} and {@code /batches} too. */
    URI endpoint(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** The model list: {@code {baseUrl}/models}. */
    public URI modelsUri() {
        return endpoint("/models");
    }

    /** Share of weighted routing: {@code weight} when set, else requests per minute, else tokens per minute, else 1. */
    public int routingWeight() {
        if (weight != null) {
            return weight;
        }
        return requestsPerMinute > 0 ? requestsPerMinute : tokensPerMinute > 0 ? tokensPerMinute : 1;
    }

    /** Problems with these settings, each naming the property under {@code path}; empty when valid. */
    public List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (!isHttpUrl(baseUrl)) {
            problems.add(path + ".base-url must be an http(s) URL, was " + baseUrl);
        }
        if (models.isEmpty()) {
            problems.add(path + ".models must list at least one model");
        }
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i) == null || models.get(i).isBlank()) {
                problems.add(path + ".models[" + i + "] must not be blank");
            }
        }
        nonNegative(problems, path + ".requests-per-minute", requestsPerMinute);
        nonNegative(problems, path + ".tokens-per-minute", tokensPerMinute);
        nonNegative(problems, path + ".requests-per-day", requestsPerDay);
        nonNegative(problems, path + ".tokens-per-day", tokensPerDay);
        positive(problems, path + ".timeout", timeout);
        positive(problems, path + ".connect-timeout", connectTimeout);
        if (maxCompletionTokens < 1) {
            problems.add(path + ".max-completion-tokens must be at least 1, was " + maxCompletionTokens);
        }
        if (weight != null && weight < 1) {
            problems.add(path + ".weight must be at least 1 when set, was " + weight);
        }
        modelOptions.forEach((model, options) -> {
            String optionsPath = path + ".model-options[" + model + "]";
            if (options == null) {
                problems.add(optionsPath + " has no options");
            } else {
                problems.addAll(options.problems(optionsPath));
            }
        });
        prices.forEach((model, price) -> {
            String pricePath = path + ".prices[" + model + "]";
            if (price == null) {
                problems.add(pricePath + " has no price");
            } else {
                problems.addAll(price.problems(pricePath));
            }
        });
        problems.addAll(batch.problems(path + ".batch"));
        return problems;
    }

    private static boolean isHttpUrl(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static void nonNegative(List<String> problems, String property, int value) {
        if (value < 0) {
            problems.add(property + " must be 0 (unknown) or positive, was " + value);
        }
    }

    private static void positive(List<String> problems, String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(property + " must be a positive duration, was " + value);
        }
    }
}
