package dev.legalgen.simulator;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The keywords of a JSON schema that strict structured outputs refuse up front (Groq and Cerebras alike), found
 * where a keyword can stand: in schemas, not among the names of {@code properties}.
 */
final class SchemaKeywords {

    /** Those the issue and Cerebras' observed refusal name; both providers document further limits. */
    private static final Set<String> UNSUPPORTED = Set.of("minItems", "maxItems", "pattern", "format");

    private SchemaKeywords() {}

    /** The unsupported keywords used anywhere in {@code schema}, sorted; empty when it is portable. */
    static Set<String> unsupported(JsonNode schema) {
        Set<String> found = new TreeSet<>();
        visit(schema, found);
        return found;
    }

    private static void visit(JsonNode schema, Set<String> found) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            if (UNSUPPORTED.contains(keyword.getKey())) {
                found.add(keyword.getKey());
            }
            switch (keyword.getKey()) {
                case "properties", "$defs" -> keyword.getValue().values().forEach(sub -> visit(sub, found));
                case "anyOf", "allOf", "oneOf" -> keyword.getValue().forEach(sub -> visit(sub, found));
                case "items", "additionalProperties" -> visit(keyword.getValue(), found);
                default -> {
                    // a value, not a schema: nothing below it is a keyword
                }
            }
        }
    }
}
