package dev.legalgen.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitPlanTests {

    @Test
    void namesAreInTheCanonicalOrderWhateverOrderTheyAreGivenIn() {
        SplitPlan plan = SplitPlan.parse("test=0.1, train=0.8,validation=0.1");

        assertThat(plan.names()).containsExactly("train", "validation", "test");
        assertThat(plan.share("train")).isEqualTo(0.8);
    }

    @Test
    void oneSplitIsAPlanToo() {
        assertThat(SplitPlan.parse("train=1").names()).containsExactly("train");
    }

    @Test
    void eachRefusalSaysWhatWasWrongAndHowToWriteIt() {
        assertThatThrownBy(() -> SplitPlan.parse("train=0.9,dev=0.1"))
                .hasMessageContaining("'dev' is not a split name (train, validation, test)")
                .hasMessageContaining("write it as train=0.9,validation=0.05,test=0.05");
        assertThatThrownBy(() -> SplitPlan.parse("train=0.9,test=0.2"))
                .hasMessageContaining("the shares add up to 1.1");
        assertThatThrownBy(() -> SplitPlan.parse("train=0.9,train=0.1")).hasMessageContaining("train is given twice");
        assertThatThrownBy(() -> SplitPlan.parse("train=ninety")).hasMessageContaining("'ninety' is not a number");
        assertThatThrownBy(() -> SplitPlan.parse("train")).hasMessageContaining("'train' is not name=share");
        assertThatThrownBy(() -> SplitPlan.parse("train=1,test=0")).hasMessageContaining("more than 0");
    }
}
