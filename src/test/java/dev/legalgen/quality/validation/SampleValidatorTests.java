package dev.legalgen.quality.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleValidatorTests {

    private static final String QUESTION = "On March 3, 2024, Baker orally agreed to buy Adams's used tractor for"
            + " $4,000, payable on delivery. Adams delivered it; Baker refused to pay, pleading the Statute of Frauds."
            + " Is the contract enforceable against Baker?";
    private static final String ANSWER = "Yes. Although a contract for the sale of goods for $500 or more must"
            + " normally be evidenced by a signed writing under UCC 2-201, the writing is not required for goods"
            + " that have been received and accepted, so Baker is bound to pay the $4,000.";
    private static final String REASONING = "Issue: Whether the Statute of Frauds bars enforcement of an oral sale"
            + " of goods for $4,000. Rule: UCC 2-201(1) requires a signed writing for sales of goods of $500 or more,"
            + " but 2-201(3)(c) excepts goods received and accepted. Application: Adams delivered the tractor and"
            + " Baker kept it, which is receipt and acceptance. Conclusion: The contract is enforceable.";
    private static final String CITATION = "No single controlling case";

    private final SampleValidator validator = new SampleValidator(ValidationSettings.defaults());

    @Test
    void anHonestAnswerToThePromptPasses() {
        assertThat(validator.problems(QUESTION, ANSWER, REASONING, CITATION)).isEmpty();
    }

    @Test
    void labelsAreFoundWhateverTheirCaseAndLayout() {
        String reasoning = REASONING.replace("Issue:", "ISSUE:").replace(" Rule:", "\nrule:");

        assertThat(validator.problems(QUESTION, ANSWER, reasoning, CITATION)).isEmpty();
    }

    @Test
    void shortFieldsAreNamedWithTheirLength() {
        assertThat(validator.problems(
                        "Is it valid?", ANSWER, "Issue: x. Rule: y. Application: z. Conclusion: w.", CITATION))
                .contains(
                        "the question must be at least 60 characters (was 12)",
                        "the reasoning must be at least 150 characters (was 49)");
    }

    @Test
    void aQuestionMustEndWithAQuestionMark() {
        assertThat(validator.problems(QUESTION.replace("Baker?", "Baker."), ANSWER, REASONING, CITATION))
                .containsExactly("the question must end with a question mark");
    }

    @Test
    void anAnswerThatRepeatsTheQuestionIsRejected() {
        assertThat(validator.problems(QUESTION, QUESTION + " It depends on the facts.", REASONING, CITATION))
                .containsExactly("the answer must answer the question, not repeat it");
    }

    @Test
    void aQuestionThatStatesItsOwnConclusionIsRejected() {
        String answer = "The contract is enforceable because Baker received and accepted the goods. " + ANSWER;
        String question = "Baker received a tractor; the contract is enforceable because Baker received and accepted"
                + " the goods. Is the contract enforceable against Baker?";

        assertThat(validator.problems(question, answer, REASONING, CITATION))
                .containsExactly("the question must not contain its own answer");
    }

    @Test
    void missingIracLabelsAreListed() {
        String reasoning = REASONING.replace("Issue:", "First,").replace("Application:", "Then,");

        assertThat(validator.problems(QUESTION, ANSWER, reasoning, CITATION))
                .containsExactly("the reasoning must be labelled Issue:, Rule:, Application: and Conclusion: (missing"
                        + " Issue: Application:)");
    }

    @Test
    void markdownIsRejectedButOrdinaryPunctuationIsNot() {
        assertThat(validator.problems(QUESTION, "**Yes.** " + ANSWER, REASONING, CITATION))
                .containsExactly("the answer must be plain text, without markdown (asterisks, headings, code fences or"
                        + " bullets)");
        assertThat(validator.problems(QUESTION, ANSWER, REASONING + "\n- a bullet", CITATION))
                .hasSize(1);
        assertThat(validator.problems(QUESTION, ANSWER, "## Analysis\n" + REASONING, CITATION))
                .hasSize(1);
        assertThat(validator.problems(
                        QUESTION, ANSWER + " Damages = $4,000 - costs; see UCC 2-709 (a)-(b).", REASONING, CITATION))
                .isEmpty();
    }

    @Test
    void anEmptyCitationIsRejected() {
        assertThat(validator.problems(QUESTION, ANSWER, REASONING, " "))
                .containsExactly(
                        "the case_citation must not be empty (write \"No single controlling case\" when none fits)");
    }

    @Test
    void checksTurnOff() {
        SampleValidator lenient = new SampleValidator(new ValidationSettings(0, 0, 0, false, false, false));

        assertThat(lenient.problems("Short.", "**Bold** answer.", "Just reasons.", CITATION))
                .isEmpty();
    }
}
