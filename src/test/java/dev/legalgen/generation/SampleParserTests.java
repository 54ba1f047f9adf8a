package dev.legalgen.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleParserTests {

    private static final String QUESTION = "Able offers to sell Baker a horse for $500. Is there a contract?";
    private static final String ANSWER = "Yes. An offer accepted before revocation forms a contract.";
    private static final String REASONING =
            "Issue: formation. Rule: offer and acceptance. Application: ... Conclusion: yes.";
    private static final String CITATION = "Lucy v. Zehmer, 84 S.E.2d 516 (Va. 1954)";
    private static final String JSON = """
            {"question": "%s", "answer": "%s", "reasoning": "%s", "case_citation": "%s"}""".formatted(QUESTION, ANSWER, REASONING, CITATION);
    private static final SampleContent EXPECTED = new SampleContent(QUESTION, ANSWER, REASONING, CITATION);

    private final SampleParser parser = new SampleParser();

    @Test
    void acceptsPlainJson() {
        assertThat(parser.parse(JSON)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsJsonInACodeFenceWithProseAround() {
        // given
        String reply = "Here is the item {as requested}:\n```json\n" + JSON + "\n```\nLet me know if you need more. }";

        // when / then
        assertThat(parser.parse(reply)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsJsonAfterAThinkBlock() {
        // given
        String reply = "<think>\nThe user wants {a contract question}. Lucy v. Zehmer fits.\n</think>\n\n" + JSON;

        // when / then
        assertThat(parser.parse(reply)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsCitationAliasesRawLineBreaksAndTrimsFields() {
        // given
        String camel =
                JSON.replace("\"case_citation\"", "\"caseCitation\"").replace("\"" + QUESTION, "\"  " + QUESTION);
        String shortName =
                JSON.replace("\"case_citation\"", "\"citation\"").replace("Issue: formation.", "Issue: formation.\n");

        // when / then
        assertThat(parser.parse(camel)).isEqualTo(EXPECTED);
        assertThat(parser.parse(shortName).reasoning()).startsWith("Issue: formation.\n Rule");
        assertThat(parser.parse(shortName).caseCitation()).isEqualTo(CITATION);
    }

    @Test
    void rejectsAReplyWithoutAnObject() {
        assertRejected("I cannot help with that request.", "not a JSON object: \"I cannot help with that request.\"");
        assertRejected("   ", "empty reply");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> parser.parse("{\"question\": \"unterminated"))
                .isInstanceOf(InvalidSampleException.class)
                .hasMessageStartingWith("malformed JSON: ");
    }

    @Test
    void rejectsAnUnterminatedThinkBlock() {
        assertThatThrownBy(() -> parser.parse("<think>still thinking about " + JSON))
                .isInstanceOf(InvalidSampleException.class)
                .hasMessageStartingWith("unterminated <think> block");
    }

    @Test
    void rejectsAMissingField() {
        assertRejected(JSON.replace("\"case_citation\"", "\"source\""), "missing field 'case_citation'");
    }

    @Test
    void rejectsAnEmptyOrNonStringField() {
        assertRejected(JSON.replace(ANSWER, "   "), "field 'answer' is empty");
        assertRejected(JSON.replace("\"" + ANSWER + "\"", "null"), "field 'answer' is empty");
        assertRejected(JSON.replace("\"" + REASONING + "\"", "[\"a\"]"), "field 'reasoning' is not a string");
    }

    @Test
    void rejectsTooShortAndTooLongFields() {
        assertRejected(JSON.replace(QUESTION, "Is it valid?"), "field 'question' too short (<20 chars)");
        assertRejected(JSON.replace(ANSWER, "x".repeat(8_001)), "field 'answer' too long (>8000 chars)");
    }

    @Test
    void reasonNeverCarriesMoreThanAShortExcerpt() {
        // given
        String longProse = "word ".repeat(2_000);

        // when / then
        assertThatThrownBy(() -> parser.parse(longProse))
                .isInstanceOf(InvalidSampleException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }

    private void assertRejected(String reply, String reason) {
        assertThatThrownBy(() -> parser.parse(reply))
                .isInstanceOf(InvalidSampleException.class)
                .hasMessage(reason);
    }
}
