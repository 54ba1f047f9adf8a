package dev.legalgen.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK HTTP client speaking to a simulator the way a provider client would. */
final class SimClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String KEY = "gsk_test_key";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    SimClient(Simulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    /** The user message our prompt builder writes: the three plan lines the simulator parses. */
    static String prompt(String practiceArea, String topic, String difficulty) {
        return "Write one legal Q&A training sample as JSON.\nPractice area: " + practiceArea + "\nTopic: " + topic
                + "\nDifficulty: " + difficulty + "\nReturn question, answer, reasoning and case_citation.";
    }

    static String body(String model, String userMessage) {
        return JSON.writeValueAsString(Map.of(
                "model",
                model,
                "messages",
                List.of(
                        Map.of("role", "system", "content", "You write legal training data."),
                        Map.of("role", "user", "content", userMessage)),
                "response_format",
                Map.of("type", "json_object"),
                "max_completion_tokens",
                512,
                "temperature",
                0.7));
    }

    HttpResponse<String> chat(String model) {
        return post(body(model, prompt("Contract Law", "Formation", "advanced")), KEY);
    }

    HttpResponse<String> post(String body, String key) {
        return send(request("/chat/completions", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> get(String path, String key) {
        return send(request(path, key).GET().build());
    }

    /** Sends without catching, for tests that expect an I/O failure or a timeout. */
    HttpResponse<String> postOrThrow(String body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = request("/chat/completions", KEY)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The message content of a 200, parsed as the JSON sample it should be. */
    static JsonNode content(HttpResponse<String> response) {
        return JSON.readTree(json(response).at("/choices/0/message/content").asString());
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json");
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
