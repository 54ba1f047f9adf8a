package dev.legalgen.generation;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Extracts and validates the sample JSON object from a model's reply, tolerating the usual wrapping. */
public final class SampleParser {

    static final int MIN_LENGTH = 20;
    static final int MAX_LENGTH = 8_000;
    private static final int EXCERPT_LENGTH = 80;
    private static final int MAX_OBJECT_STARTS = 5;

    // Lenient where models commonly slip (raw line breaks inside strings, a trailing comma); trailing text
    // after the object is ignored because the reply may go on with prose or a closing code fence.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public SampleContent parse(String modelContent) {
        if (modelContent == null || modelContent.isBlank()) {
            throw new InvalidSampleException("empty reply");
        }
        JsonNode object = firstObject(ThinkBlock.strip(modelContent));
        return new SampleContent(
                field(object, "question", MIN_LENGTH),
                field(object, "answer", MIN_LENGTH),
                field(object, "reasoning", MIN_LENGTH),
                field(object, "case_citation", 1, "caseCitation", "citation"));
    }

    /**
     * Parses from the first '{' on; prose before the object may itself contain a brace, so a few later
     * starts are tried before giving up with the first error.
     */
    private static JsonNode firstObject(String text) {
        int start = text.indexOf('{');
        if (start < 0) {
            throw new InvalidSampleException("not a JSON object: " + excerpt(text));
        }
        JacksonException firstError = null;
        for (int attempt = 0; attempt < MAX_OBJECT_STARTS && start >= 0; attempt++) {
            try {
                return JSON.readTree(text.substring(start));
            } catch (JacksonException e) {
                firstError = firstError == null ? e : firstError;
                start = text.indexOf('{', start + 1);
            }
        }
        throw new InvalidSampleException("malformed JSON: " + excerpt(firstError.getOriginalMessage()));
    }

    private static String field(JsonNode object, String name, int minLength, String... aliases) {
        JsonNode node = object.get(name);
        for (String alias : List.of(aliases)) {
            node = node == null ? object.get(alias) : node;
        }
        if (node == null) {
            throw new InvalidSampleException("missing field '" + name + "'");
        }
        if (!node.isString() && !node.isNull()) {
            throw new InvalidSampleException("field '" + name + "' is not a string");
        }
        String value = node.isNull() ? "" : node.stringValue().strip();
        if (value.isEmpty()) {
            throw new InvalidSampleException("field '" + name + "' is empty");
        }
        if (value.length() < minLength) {
            throw new InvalidSampleException("field '" + name + "' too short (<" + minLength + " chars)");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidSampleException("field '" + name + "' too long (>" + MAX_LENGTH + " chars)");
        }
        return value;
    }

    /** At most {@value #EXCERPT_LENGTH} characters on one line, quoted. */
    static String excerpt(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return "\"" + (line.length() > EXCERPT_LENGTH ? line.substring(0, EXCERPT_LENGTH) + "…" : line) + "\"";
    }
}
