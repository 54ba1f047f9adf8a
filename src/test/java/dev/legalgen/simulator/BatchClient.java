package dev.legalgen.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/** A plain JDK HTTP client using a simulator's Batch API as a provider client would, multipart upload included. */
final class BatchClient {

    static final String BOUNDARY = "sim-batch-boundary-7MA4YWxkTrZu0gW";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    BatchClient(Simulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    /** One input line: {@code body} (a chat request's JSON) sent to the chat endpoint as {@code customId}. */
    static String line(String customId, String body) {
        return SimClient.JSON.writeValueAsString(Map.of(
                "custom_id",
                customId,
                "method",
                "POST",
                "url",
                "/v1/chat/completions",
                "body",
                SimClient.JSON.readTree(body)));
    }

    /** The chat request of slot {@code slot}: a topic of its own, so that each line asks something else. */
    static String slotRequest(String model, int slot) {
        return SimClient.body(model, SimClient.prompt("Contract Law", "Topic " + slot, "advanced"));
    }

    /** {@code lines} requests to {@code model}, custom ids {@code slot-1} … {@code slot-<lines>}. */
    static String jsonl(String model, int lines) {
        return IntStream.rangeClosed(1, lines)
                .mapToObj(slot -> line("slot-" + slot, slotRequest(model, slot)))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static List<String> slotIds(int lines) {
        return IntStream.rangeClosed(1, lines).mapToObj(slot -> "slot-" + slot).toList();
    }

    static List<String> customIds(List<JsonNode> lines) {
        return lines.stream().map(line -> line.get("custom_id").asString()).toList();
    }

    HttpResponse<String> upload(String jsonl) {
        return upload("batch", jsonl, SimClient.KEY);
    }

    HttpResponse<String> upload(String purpose, String jsonl, String key) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slots.jsonl\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + jsonl + "\r\n--" + BOUNDARY + "--\r\n";
        return send(request("/files", key)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** Uploads {@code jsonl} and returns the new file's id. */
    String uploaded(String jsonl) {
        HttpResponse<String> response = upload(jsonl);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("upload refused: " + response.body());
        }
        return SimClient.json(response).get("id").asString();
    }

    HttpResponse<String> create(String inputFileId) {
        return createWith(SimClient.JSON.writeValueAsString(
                Map.of("input_file_id", inputFileId, "endpoint", "/v1/chat/completions", "completion_window", "24h")));
    }

    HttpResponse<String> createWith(String body) {
        return postJson("/batches", body);
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(request(path, SimClient.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Uploads {@code jsonl}, creates a batch of it and returns the batch's id. */
    String submitted(String jsonl) {
        HttpResponse<String> response = create(uploaded(jsonl));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("batch refused: " + response.body());
        }
        return SimClient.json(response).get("id").asString();
    }

    HttpResponse<String> poll(String batchId) {
        return get("/batches/" + batchId, SimClient.KEY);
    }

    /** The batch object a poll answers. */
    JsonNode batch(String batchId) {
        return SimClient.json(poll(batchId));
    }

    HttpResponse<String> cancel(String batchId) {
        return send(request("/batches/" + batchId + "/cancel", SimClient.KEY)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** {@code GET /batches}, {@code query} such as {@code "?limit=2"} (or empty). */
    HttpResponse<String> list(String query) {
        return get("/batches" + query, SimClient.KEY);
    }

    HttpResponse<String> content(String fileId) {
        return get("/files/" + fileId + "/content", SimClient.KEY);
    }

    /** The lines of a file, parsed, in the file's order. */
    List<JsonNode> lines(String fileId) {
        HttpResponse<String> response = content(fileId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("download refused: " + response.body());
        }
        return response.body().lines().map(SimClient.JSON::readTree).toList();
    }

    HttpResponse<String> get(String path, String key) {
        return send(request(path, key).GET().build());
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
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
