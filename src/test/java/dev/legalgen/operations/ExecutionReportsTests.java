package dev.legalgen.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ExecutionReportsTests {

    @Test
    void aTimeKeepsItsSecondsEvenOnTheMinuteAndDropsItsFraction() {
        // when
        String onTheMinute = ExecutionReports.format(LocalDateTime.of(2026, 12, 1, 23, 5, 0));
        String withFraction = ExecutionReports.format(LocalDateTime.of(2026, 12, 1, 23, 5, 7, 987_000_000));

        // then
        assertThat(onTheMinute).isEqualTo("2026-12-01 23:05:00");
        assertThat(withFraction).isEqualTo("2026-12-01 23:05:07");
    }

    @Test
    void noTimeIsADash() {
        assertThat(ExecutionReports.format(null)).isEqualTo("-");
    }
}
