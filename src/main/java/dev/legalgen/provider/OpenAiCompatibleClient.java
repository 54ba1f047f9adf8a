package dev.legalgen.provider;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Chat completions against one OpenAI-compatible provider (Groq, Cerebras, the simulator, ...). */
public final class OpenAiCompatibleClient implements ChatClient {

    /** Stands for the model in failures of the model listing, which concerns no model. */
    private static final String MODELS = "(models)";

    private final String provider;
    private final ProviderSettings settings;
    private final RestClient http;
    private final JsonMapper json;
    private final FailureClassifier classifier;
    private final RateLimitListener listener;
    private final Clock clock;

    public OpenAiCompatibleClient(String provider, ProviderSettings settings, RateLimitListener listener, Clock clock) {
        this.provider = provider;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        this.json = JsonMapper.builder().build();
        this.classifier = new FailureClassifier(clock);
        this.http = ProviderHttp.restClient(settings);
    }

    public String provider() {
        return provider;
    }

    public ProviderSettings settings() {
        return settings;
    }

    /** The model's options from {@code legalgen.providers.<name>.model-options}, the provider's defaults for the rest. */
    @Override
    public RequestOptions requestOptions(String model) {
        return settings.requestOptions(model);
    }

    /** One completion in the options' response format; throws {@link ProviderCallException} on any failure. */
    @Override
    public Completion complete(String model, String systemPrompt, String userPrompt, RequestOptions options) {
        Route route = new Route(provider, model);
        byte[] body =
                json.writeValueAsBytes(ChatRequest.of(model, systemPrompt, userPrompt, options, ResponseSchema.SAMPLE));
        boolean askedForSchema = options.structuredOutput() == StructuredOutput.JSON_SCHEMA;
        long started = clock.millis();
        try {
            return http.post()
                    .uri(settings.chatCompletionsUri())
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            "Bearer " + settings.apiKey().reveal())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> handle(route, response, askedForSchema, started), true);
        } catch (ProviderCallException failure) {
            throw failure;
        } catch (RuntimeException failure) {
            throw transportFailure(route, failure);
        }
    }

    /** {@code GET /models}: free, and it needs the key, so it tells a wrong key or a wrong URL before any chat call. */
    @Override
    public Optional<Set<String>> listModels() {
        Route route = new Route(provider, MODELS);
        try {
            return Optional.of(http.get()
                    .uri(settings.modelsUri())
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            "Bearer " + settings.apiKey().reveal())
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> modelIds(route, response), true));
        } catch (ProviderCallException failure) {
            throw failure;
        } catch (RuntimeException failure) {
            throw transportFailure(route, failure);
        }
    }

    private Set<String> modelIds(Route route, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String text = ProviderHttp.read(response.getBody());
        if (status < 200 || status >= 300) {
            ProviderError error = ProviderError.parse(text, json);
            HttpHeaders headers = response.getHeaders();
            FailureClassifier.Failure failure =
                    classifier.classify(status, error, headers::getFirst, RateLimitHeaders.parse(headers::getFirst));
            throw failure(route, failure.category(), status, error, failure.retryAfter(), null);
        }
        Set<String> ids = new LinkedHashSet<>();
        try {
            json.readTree(text)
                    .path("data")
                    .forEach(model -> ids.add(model.path("id").asString()));
        } catch (JacksonException unreadable) {
            throw failure(
                    route,
                    ErrorCategory.INVALID_OUTPUT,
                    status,
                    ProviderError.ofCode("unreadable_model_list"),
                    null,
                    unreadable);
        }
        return ids;
    }

    private Completion handle(Route route, ClientHttpResponse response, boolean askedForSchema, long started)
            throws IOException {
        int status = response.getStatusCode().value();
        HttpHeaders headers = response.getHeaders();
        listener.onHeaders(route, status, RateLimitHeaders.parse(headers::getFirst));
        String text = ProviderHttp.read(response.getBody());
        if (status >= 200 && status < 300) {
            return success(route, text, clock.millis() - started);
        }
        ProviderError error = ProviderError.parse(text, json);
        FailureClassifier.Failure failure = classifier.classify(
                status, error, askedForSchema, headers::getFirst, RateLimitHeaders.parse(headers::getFirst));
        throw failure(route, failure.category(), status, error, failure.retryAfter(), null);
    }

    private Completion success(Route route, String text, long latencyMs) {
        ChatResponse parsed;
        try {
            parsed = json.readValue(text, ChatResponse.class);
        } catch (JacksonException notACompletion) {
            throw failure(
                    route,
                    ErrorCategory.INVALID_OUTPUT,
                    200,
                    ProviderError.ofCode("unreadable_body"),
                    null,
                    notACompletion);
        }
        ErrorCategory unusable = parsed.unusable();
        if (unusable != null) {
            throw failure(route, unusable, 200, ProviderError.ofCode(parsed.unusableReason()), null, null)
                    .billedFor(settings.bill(route.model(), parsed.tokens()));
        }
        return new Completion(
                provider,
                route.model(),
                parsed.firstContent(),
                settings.bill(route.model(), parsed.tokens()),
                latencyMs);
    }

    private ProviderCallException transportFailure(Route route, RuntimeException failure) {
        ErrorCategory category = FailureClassifier.categoryOf(failure);
        String message = FailureMessages.unanswered(
                provider, route.model(), category, TransportCauses.describe(failure), settings);
        // the cause is Spring's/the JDK's transport exception: it names the URL, never a header
        return ProviderCallException.unanswered(
                route, category, settings.apiKey().redact(message), failure);
    }

    private ProviderCallException failure(
            Route route,
            ErrorCategory category,
            int status,
            ProviderError error,
            java.time.Duration retryAfter,
            Throwable cause) {
        String message = settings.apiKey()
                .redact(FailureMessages.answered(
                        provider, route.model(), category, status, error, retryAfter, settings));
        return ProviderCallException.answered(route, category, status, error, retryAfter, message, cause);
    }
}
