package dev.legalgen.provider;

import java.util.Locale;

/** How a request asks for JSON: the sample's schema, strictly enforced, or any JSON object. */
public enum StructuredOutput {
    /** {@code response_format: {"type":"json_schema", "json_schema": {name, strict: true, schema}}}. */
    JSON_SCHEMA,
    /** {@code response_format: {"type":"json_object"}}: every OpenAI-compatible model takes it. */
    JSON_OBJECT;

    /** The {@code response_format.type} on the wire, as in properties: {@code json_schema}, {@code json_object}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
