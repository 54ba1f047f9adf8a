package dev.legalgen.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON schema a {@code json_schema} request sends: the sample's four string fields, all required, nothing
 * else. One resource, written to suit both providers' strict modes (Groq: every property required and
 * {@code additionalProperties:false}; Cerebras: no {@code minItems}, {@code pattern} or {@code format}, under
 * 5,000 characters), read once per JVM.
 */
record ResponseSchema(String name, JsonNode schema) {

    static final String RESOURCE = "prompts/sample-schema.json";
    static final ResponseSchema SAMPLE = new ResponseSchema("legal_sample", read(RESOURCE));

    private static JsonNode read(String resource) {
        try (InputStream in = ResponseSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
