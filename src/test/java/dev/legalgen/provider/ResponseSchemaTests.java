package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.generation.SampleContent;
import dev.legalgen.generation.SampleParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one schema resource: what both providers' strict modes take, and what the sample parser reads. */
class ResponseSchemaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonNode schema = ResponseSchema.SAMPLE.schema();

    @Test
    void anObjectOfTheFourStringFieldsAllRequiredNothingElse() {
        assertThat(ResponseSchema.SAMPLE.name()).isEqualTo("legal_sample");
        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(schema.get("properties").propertyNames())
                .containsExactly("question", "answer", "reasoning", "case_citation");
        schema.get("properties")
                .values()
                .forEach(property -> assertThat(property).isEqualTo(JSON.readTree("{\"type\":\"string\"}")));
        assertThat(schema.get("required").valueStream().map(JsonNode::asString))
                .containsExactly("question", "answer", "reasoning", "case_citation");
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void portableToBothStrictModes() {
        // no keyword either provider refuses up front, and within Cerebras' size limit
        assertThat(keywords(schema)).doesNotContain("minItems", "maxItems", "pattern", "format", "$ref", "$anchor");
        assertThat(JSON.writeValueAsString(schema)).hasSizeLessThan(5_000);
    }

    @Test
    void anAnswerTheSchemaAllowsIsASampleToTheParser() {
        // given: the schema's properties, each with a string
        Map<String, String> answer = new LinkedHashMap<>();
        schema.get("properties")
                .propertyNames()
                .forEach(name -> answer.put(name, "A " + name + " long enough for the parser's minimum."));

        // when
        SampleContent parsed = new SampleParser().parse(JSON.writeValueAsString(answer));

        // then
        assertThat(parsed.caseCitation()).isEqualTo(answer.get("case_citation"));
        assertThat(parsed.question()).isEqualTo(answer.get("question"));
    }

    private static List<String> keywords(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                names.add(entry.getKey());
                names.addAll(keywords(entry.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(element -> names.addAll(keywords(element)));
        }
        return names;
    }
}
