package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client over real HTTP against a tiny canned-response server. */
class OpenAiCompatibleClientTests {

    private static final String KEY = "gsk_test_secret_4f9a8b7c6d5e";
    private static final String GROQ_SUCCESS = """
        {"id":"chatcmpl-f51b2cd2","object":"chat.completion","created":1730241104,"model":"openai/gpt-oss-20b",
         "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"question\\":\\"Q\\"}","reasoning":"thinking..."},
         "logprobs":null,"finish_reason":"stop"}],
         "usage":{"queue_time":0.037,"prompt_tokens":18,"prompt_time":0.0006,"completion_tokens":556,"completion_time":0.46,"total_tokens":574,"total_time":0.46},
         "system_fingerprint":"fp_179b0f92c9","x_groq":{"id":"req_01jbd6g2qdfw2adyrt2az8hz4w"},"service_tier":"on_demand"}
        """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpServer server;
    private final AtomicReference<String> seenBody = new AtomicReference<>();
    private final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    private final AtomicReference<String> seenPath = new AtomicReference<>();
    private final List<RateLimitHeaders> seenHeaders = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void parsesASuccessfulCompletionAndReportsRateLimitHeaders() {
        // given: Groq's answer with its rate-limit headers
        URI base = serve(
                200,
                GROQ_SUCCESS,
                Map.of(
                        "x-ratelimit-limit-requests",
                        "1000",
                        "x-ratelimit-remaining-requests",
                        "999",
                        "x-ratelimit-reset-requests",
                        "1m26.4s",
                        "x-ratelimit-limit-tokens",
                        "8000",
                        "x-ratelimit-remaining-tokens",
                        "7426",
                        "x-ratelimit-reset-tokens",
                        "4.3s"));

        // when
        Completion completion = client(base, Duration.ofSeconds(5))
                .complete("openai/gpt-oss-20b", "system", "user", RequestOptions.DEFAULT);

        // then: the completion, the request as sent, and the headers passed to the listener
        assertThat(completion)
                .isEqualTo(new Completion(
                        "groq",
                        "openai/gpt-oss-20b",
                        "{\"question\":\"Q\"}",
                        new Bill(new TokenUsage(18, 556, 0), null),
                        completion.latencyMs()));
        assertThat(seenPath.get()).isEqualTo("/openai/v1/chat/completions");
        assertThat(seenAuthorization.get()).isEqualTo("Bearer " + KEY);
        assertThat(seenBody.get())
                .contains("\"model\":\"openai/gpt-oss-20b\"")
                .contains("\"response_format\":{\"type\":\"json_object\"}")
                .contains("\"max_completion_tokens\":1024")
                .contains("{\"role\":\"system\",\"content\":\"system\"}")
                .doesNotContain("temperature");
        assertThat(seenHeaders).singleElement().satisfies(headers -> {
            assertThat(headers.requestsPerDay().remaining()).isEqualTo(999L);
            assertThat(headers.tokensPerMinute().remaining()).isEqualTo(7426L);
        });
    }

    @Test
    void jsonSchemaRequestCarriesTheSampleSchemaStrictlyWithTheModelsBudgetAndEffort() throws IOException {
        // given
        URI base = serve(200, GROQ_SUCCESS, Map.of());

        // when: a json_schema request with its own budget and reasoning effort
        client(base, Duration.ofSeconds(5))
                .complete(
                        "openai/gpt-oss-20b",
                        "system",
                        "user",
                        new RequestOptions(StructuredOutput.JSON_SCHEMA, 2048, ReasoningEffort.LOW));

        // then: the wire body, its schema the one resource
        JsonNode sent = JSON.readTree(seenBody.get());
        assertThat(sent.at("/response_format/type").asString()).isEqualTo("json_schema");
        assertThat(sent.at("/response_format/json_schema/name").asString()).isEqualTo("legal_sample");
        assertThat(sent.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(sent.at("/response_format/json_schema/schema"))
                .isEqualTo(JSON.readTree(new ClassPathResource("prompts/sample-schema.json").getInputStream()));
        assertThat(sent.get("max_completion_tokens").asInt()).isEqualTo(2048);
        assertThat(sent.get("reasoning_effort").asString()).isEqualTo("low");
    }

    @Test
    void jsonObjectRequestSendsNeitherASchemaNorAnEffortItWasNotGiven() {
        // given
        URI base = serve(200, GROQ_SUCCESS, Map.of());

        // when
        client(base, Duration.ofSeconds(5))
                .complete(
                        "openai/gpt-oss-20b",
                        "system",
                        "user",
                        new RequestOptions(StructuredOutput.JSON_OBJECT, 1024, null));

        // then
        JsonNode sent = JSON.readTree(seenBody.get());
        assertThat(sent.get("response_format")).isEqualTo(JSON.readTree("{\"type\":\"json_object\"}"));
        assertThat(sent.has("reasoning_effort")).isFalse();
    }

    @Test
    void theModelsOptionsComeFromItsSettingsAndTheProvidersDefaults() {
        // given: options for one model only
        OpenAiCompatibleClient client = client(
                URI.create("http://127.0.0.1:9/v1"),
                Map.of(
                        "openai/gpt-oss-20b",
                        new ModelOptions(StructuredOutput.JSON_SCHEMA, ReasoningEffort.LOW, null)));

        // when/then
        assertThat(client.requestOptions("openai/gpt-oss-20b"))
                .isEqualTo(new RequestOptions(StructuredOutput.JSON_SCHEMA, 1024, ReasoningEffort.LOW));
        assertThat(client.requestOptions("qwen/qwen3.6-27b")).isEqualTo(RequestOptions.DEFAULT);
    }

    @Test
    void aRefusedSchemaIsItsOwnCategoryOnlyForARequestThatSentOne() {
        // given: Groq's refusal of json_schema
        URI base = serve(
                400,
                "{\"error\":{\"message\":\"This model does not support response format `json_schema`. See supported"
                        + " models at https://console.groq.com/docs/structured-outputs#supported-models\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"response_format\"}}",
                Map.of());
        OpenAiCompatibleClient client = client(base, Duration.ofSeconds(5));

        // when
        ProviderCallException schema = catchThrowableOfType(
                ProviderCallException.class,
                () -> client.complete(
                        "qwen/qwen3.6-27b",
                        "system",
                        "user",
                        new RequestOptions(StructuredOutput.JSON_SCHEMA, 1024, null)));
        ProviderCallException object = callFails(client);

        // then: the param and the fix for the one, a bad request for the other
        assertThat(schema.category()).isEqualTo(ErrorCategory.STRUCTURED_OUTPUT_REFUSED);
        assertThat(schema.errorParam()).isEqualTo("response_format");
        assertThat(schema.getMessage())
                .startsWith("groq qwen/qwen3.6-27b refused the json_schema response format (400 invalid_request_error:")
                .endsWith(
                        ": set legalgen.providers.groq.model-options[qwen/qwen3.6-27b].structured-output=json_object");
        assertThat(object.category()).isEqualTo(ErrorCategory.BAD_REQUEST);
    }

    @Test
    void anAnswerStoppedAtItsBudgetIsTruncatedAndSaysWhatToRaise() {
        // given: a 200 cut off by max_completion_tokens
        URI base = serve(
                200, GROQ_SUCCESS.replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\""), Map.of());

        // when
        ProviderCallException failure = callFails(client(base, Duration.ofSeconds(5)));

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.TRUNCATED);
        assertThat(failure.errorCode()).isEqualTo("finish_length");
        assertThat(failure.getMessage())
                .isEqualTo("groq openai/gpt-oss-20b was cut off at its completion budget (200 finish_length): raise"
                        + " legalgen.providers.groq.model-options[openai/gpt-oss-20b].max-completion-tokens or lower"
                        + " its reasoning-effort");
    }

    @Test
    void rejectedKeyIsAuthenticationAndTheMessageQuotesTheProviderAndSaysWhatToSetWithoutTheKey() {
        // given: a 401 whose message repeats the key
        URI base = serve(
                401,
                "{\"error\":{\"message\":\"Invalid API Key " + KEY + "\","
                        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
                Map.of());

        // when
        ProviderCallException failure = callFails(client(base, Duration.ofSeconds(5)));

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.errorCode()).isEqualTo("invalid_api_key");
        assertThat(failure.getMessage())
                .isEqualTo("groq rejected the API key (401 invalid_api_key: \"Invalid API Key ****\"): "
                        + "set GROQ_API_KEY (or legalgen.providers.groq.api-key)");
        assertThat(failure.toString()).doesNotContain(KEY);
    }

    @Test
    void rateLimitCarriesRetryAfterAndHeadersReachTheListener() {
        // given: Cerebras' requests-per-minute 429 with Retry-After and its window's headers
        URI base = serve(
                429,
                "{\"message\":\"Requests per minute limit exceeded - too many requests sent.\","
                        + "\"type\":\"too_many_requests_error\",\"param\":\"quota\",\"code\":\"request_quota_exceeded\"}",
                Map.of(
                        "retry-after",
                        "60",
                        "x-ratelimit-remaining-requests-minute",
                        "0",
                        "x-ratelimit-reset-requests-minute",
                        "59.5"));

        // when
        ProviderCallException failure = callFails(client(base, Duration.ofSeconds(5)));

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(seenHeaders)
                .singleElement()
                .extracting(RateLimitHeaders::requestsPerMinute)
                .isEqualTo(new RateLimitHeaders.Window(null, 0L, Duration.ofMillis(59_500)));
    }

    @Test
    void emptyChoicesAreInvalidOutput() {
        // given: a 200 without a choice
        URI base = serve(
                200,
                "{\"id\":\"x\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":0,\"total_tokens\":1}}",
                Map.of());

        // when/then
        assertThat(callFails(client(base, Duration.ofSeconds(5))).category()).isEqualTo(ErrorCategory.INVALID_OUTPUT);
    }

    @Test
    void slowAnswerIsATimeout() {
        // given: a server that does not answer while the test runs
        URI base = serveSlowly();

        // when: the client waits 300 ms
        ProviderCallException failure = callFails(client(base, Duration.ofMillis(300)));

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(failure.httpStatus()).isNull();
        assertThat(failure.getMessage()).contains("did not answer within 0.3s");
    }

    @Test
    void refusedConnectionIsAConnectionError() throws IOException {
        // given: a port nothing listens on
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        // when
        ProviderCallException failure =
                callFails(client(URI.create("http://127.0.0.1:" + closedPort + "/v1"), Duration.ofSeconds(5)));

        // then: the message names the provider and the address, never the key
        assertThat(failure.category()).isEqualTo(ErrorCategory.CONNECTION_ERROR);
        assertThat(failure.getMessage())
                .startsWith("cannot reach groq at http://127.0.0.1:" + closedPort + "/v1 (connection refused)")
                .doesNotContain(KEY);
    }

    @Test
    void droppedConnectionIsAConnectionError() throws Exception {
        // given: a server that hangs up once the request has started
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dropper = new Thread(() -> {
                try (Socket accepted = socket.accept()) {
                    accepted.getInputStream().read(new byte[1024]); // read the request's start, then hang up
                } catch (IOException ignored) {
                    // the test only cares about what the client saw
                }
            });
            dropper.start();

            // when
            ProviderCallException failure = callFails(
                    client(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1"), Duration.ofSeconds(5)));

            // then: said in words, not as the transport's exception
            assertThat(failure.category()).isEqualTo(ErrorCategory.CONNECTION_ERROR);
            assertThat(failure.getMessage()).contains("(the connection closed before an answer)");
            dropper.join(5000);
        }
    }

    private ProviderCallException callFails(OpenAiCompatibleClient client) {
        return catchThrowableOfType(
                ProviderCallException.class,
                () -> client.complete("openai/gpt-oss-20b", "system", "user", RequestOptions.DEFAULT));
    }

    private OpenAiCompatibleClient client(URI base, Duration timeout) {
        return client(base, timeout, Map.of());
    }

    private OpenAiCompatibleClient client(URI base, Map<String, ModelOptions> modelOptions) {
        return client(base, Duration.ofSeconds(5), modelOptions);
    }

    private OpenAiCompatibleClient client(URI base, Duration timeout, Map<String, ModelOptions> modelOptions) {
        ProviderSettings settings = new ProviderSettings(
                base,
                ApiKey.of(KEY),
                List.of("openai/gpt-oss-20b"),
                30,
                8000,
                1000,
                200000,
                timeout,
                Duration.ofSeconds(2),
                0,
                null,
                modelOptions,
                null,
                null);
        return new OpenAiCompatibleClient(
                "groq", settings, (route, status, headers) -> seenHeaders.add(headers), Clock.systemUTC());
    }

    private URI serve(int status, String body, Map<String, String> headers) {
        return start(exchange -> {
            seenPath.set(exchange.getRequestURI().getPath());
            seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    private URI serveSlowly() {
        return start(exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                release.await(10, TimeUnit.SECONDS); // answers only when the test is over
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
    }

    private URI start(ExchangeHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/openai/v1");
    }

    @FunctionalInterface
    private interface ExchangeHandler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
