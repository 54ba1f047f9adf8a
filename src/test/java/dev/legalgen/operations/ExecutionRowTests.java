package dev.legalgen.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ExecutionRowTests {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 3, 12, 0, 0);

    @Test
    void theRateIsWhatTheExecutionWroteOverTheTimeItRanToATenth() {
        // when: 100 samples in 8 s, and 10 in 3 s
        double even = ExecutionRow.rate(100, START, START.plusSeconds(8));
        double rounded = ExecutionRow.rate(10, START, START.plusSeconds(3));

        // then
        assertThat(even).isEqualTo(12.5);
        assertThat(rounded).isEqualTo(3.3);
    }

    @Test
    void anExecutionThatHasNotStartedOrTookNoTimeHasNoRate() {
        assertThat(ExecutionRow.rate(10, null, null)).isZero();
        assertThat(ExecutionRow.rate(10, START, START)).isZero();
    }

    @Test
    void aRunningExecutionIsMeasuredUpToNow() {
        // given: started a minute ago, still running
        LocalDateTime aMinuteAgo = LocalDateTime.now().minusMinutes(1);

        // when
        double rate = ExecutionRow.rate(60, aMinuteAgo, null);

        // then: about a sample a second (a little less, as now moves on)
        assertThat(rate).isBetween(0.9, 1.0);
    }
}
