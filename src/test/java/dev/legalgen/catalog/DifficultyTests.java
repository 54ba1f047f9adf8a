package dev.legalgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DifficultyTests {

    @Test
    void parsesLabelsIgnoringCaseAndBlanks() {
        assertThat(Difficulty.parse(" Advanced ")).isEqualTo(Difficulty.ADVANCED);
        assertThat(Difficulty.BASIC.label()).isEqualTo("basic");
    }

    @Test
    void unknownLabelNamesTheAllowedValues() {
        assertThatThrownBy(() -> Difficulty.parse("expert"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown difficulty 'expert'; allowed: basic, intermediate, advanced");
    }
}
