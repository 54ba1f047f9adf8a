package dev.legalgen.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalisedQuestionTests {

    @Test
    void caseAndPunctuationAndWhiteSpaceDoNotMatter() {
        assertThat(NormalisedQuestion.of("  Is Baker's ORAL promise -- made on 3 March -- enforceable?\n")
                        .text())
                .isEqualTo("is baker s oral promise made on 3 march enforceable");
    }

    @Test
    void unicodeFormsThatReadTheSameAreTheSame() {
        // full-width letters, a ligature, a non-breaking space and curly quotes read as their plain forms
        NormalisedQuestion fancy = NormalisedQuestion.of("Is the ﬁrm\u00a0“Ｂａｋｅｒ’s” liable?");
        NormalisedQuestion plain = NormalisedQuestion.of("is the firm \"Baker's\" liable");

        assertThat(fancy).isEqualTo(plain);
        assertThat(fancy.text()).isEqualTo("is the firm baker s liable");
    }

    @Test
    void lettersOfEveryScriptAndDigitsAreWords() {
        assertThat(NormalisedQuestion.of("Ist § 823 BGB für Schäden anwendbar?").words())
                .containsExactly("ist", "823", "bgb", "für", "schäden", "anwendbar");
    }

    @Test
    void shinglesAreTheRunsOfThreeWordsAndAShortQuestionIsOneShingle() {
        assertThat(NormalisedQuestion.of("Is the promise binding?").shingleHashes())
                .hasSize(2)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(NormalisedQuestion.of("Is the promise binding, the promise binding?")
                        .shingleHashes())
                .as("is the promise, the promise binding, promise binding the, binding the promise")
                .hasSize(4);
        assertThat(NormalisedQuestion.of("Binding?").shingleHashes())
                .containsExactly(NormalisedQuestion.of("BINDING").shingleHashes());
    }
}
