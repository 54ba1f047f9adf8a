package dev.legalgen.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests of a batch input file: one JSON line each, {@code {"custom_id","method":"POST",
 * "url":"/v1/chat/completions","body":{…}}}, custom ids unique, at most {@value #MAX_LINES} lines. The body is
 * only required to be an object here: what it asks for is the line's own answer, as it would be synchronously.
 */
record BatchInput(List<Line> lines) {

    /** Groq's Files API limits: 50,000 lines and 200 MB a file. */
    static final int MAX_LINES = 50_000;

    static final long MAX_BYTES = 200L * 1024 * 1024;

    /** One request of the file. */
    record Line(String customId, JsonNode body) {}

    /** Why a file is refused; {@code line} (1-based) is null when no one line is at fault. */
    static final class Refused extends Exception {
        final Integer line;
        final String code;
        final String param;

        Refused(Integer line, String code, String param, String message) {
            super(line == null ? message : "Line " + line + ": " + message);
            this.line = line;
            this.code = code;
            this.param = param;
        }
    }

    List<String> customIds() {
        return lines.stream().map(Line::customId).toList();
    }

    /**
     * Reads and checks a whole file, stopping at its first bad line. Refused here, at upload; Groq's documented
     * example instead reports a bad line among a batch's {@code errors} after validation (G-BATCH), which
     * {@link BatchScript#nextBatchFailsValidation} imitates. {@code invalid_method} is the code of that example;
     * the other codes, and every message, are inferred.
     */
    static BatchInput read(byte[] content, JsonMapper json) throws Refused {
        if (content.length > MAX_BYTES) {
            throw new Refused(null, "file_too_large", "file", "The file is larger than 200 MB.");
        }
        List<String> texts = new String(content, StandardCharsets.UTF_8).lines().toList();
        if (texts.isEmpty()) {
            throw new Refused(null, "empty_file", "file", "The file has no requests.");
        }
        if (texts.size() > MAX_LINES) {
            throw new Refused(MAX_LINES + 1, "too_many_tasks", null, "A batch file holds at most 50,000 requests.");
        }
        List<Line> lines = new ArrayList<>(texts.size());
        Map<String, Integer> seen = new HashMap<>();
        for (String text : texts) {
            int number = lines.size() + 1;
            Line line = line(number, text, json);
            Integer earlier = seen.putIfAbsent(line.customId(), number);
            if (earlier != null) {
                throw new Refused(
                        number,
                        "duplicate_custom_id",
                        "custom_id",
                        "The custom_id '" + line.customId() + "' is already used on line " + earlier + ".");
            }
            lines.add(line);
        }
        return new BatchInput(List.copyOf(lines));
    }

    private static Line line(int number, String text, JsonMapper json) throws Refused {
        JsonNode request;
        try {
            request = json.readTree(text);
        } catch (JacksonException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            throw new Refused(number, "invalid_json_line", null, "This line is not parseable as a JSON object.");
        }
        JsonNode customId = request.get("custom_id");
        if (customId == null || !customId.isString() || customId.asString().isBlank()) {
            throw new Refused(number, "invalid_custom_id", "custom_id", "'custom_id' must be a non-empty string.");
        }
        if (!"POST".equals(text(request, "method"))) {
            throw new Refused(
                    number,
                    "invalid_method",
                    "method",
                    "Invalid value: '" + text(request, "method") + "'. Supported values are: 'POST'");
        }
        if (!ChatHandler.PATH.equals(text(request, "url"))) {
            throw new Refused(
                    number,
                    "invalid_url",
                    "url",
                    "Invalid value: '" + text(request, "url") + "'. Supported values are: '" + ChatHandler.PATH + "'");
        }
        JsonNode body = request.get("body");
        if (body == null || !body.isObject()) {
            throw new Refused(number, "invalid_body", "body", "'body' must be a chat completion request object.");
        }
        return new Line(customId.asString(), body);
    }

    /** The field as text, null when absent or not a string. */
    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
