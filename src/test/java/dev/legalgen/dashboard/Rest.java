package dev.legalgen.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API read beside the page, to check that what it shows is what the API says. */
final class Rest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Rest(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    JsonNode get(String path) {
        return JSON.readTree(send(path).body());
    }

    /** The header {@code name} of a GET's answer. */
    String header(String path, String name) {
        return send(path).headers().firstValue(name).orElseThrow();
    }

    private HttpResponse<String> send(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
