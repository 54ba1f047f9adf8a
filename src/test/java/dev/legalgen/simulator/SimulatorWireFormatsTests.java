package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorWireFormatsTests {

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource({
        "0, 0s",
        "500, 500ns",
        "1500, 1.5µs",
        "644000000, 644ms",
        "2000000000, 2s",
        "7660000000, 7.66s",
        "6780999999, 6.780999999s",
        "60000000000, 1m0s",
        "179560000000, 2m59.56s",
        "578016000000, 9m38.016s",
        "3600000000000, 1h0m0s",
    })
    void goDurationsAreSpelledAsGoPrintsThem(long nanos, String expected) {
        // given
        Duration duration = Duration.ofNanos(nanos);

        // when
        String spelled = WireFormats.goDuration(duration);

        // then
        assertThat(spelled).isEqualTo(expected);
    }

    @Test
    void floatSecondsKeepADecimalPoint() {
        // given / when / then
        assertThat(WireFormats.floatSeconds(Duration.ofSeconds(60))).isEqualTo("60.0");
        assertThat(WireFormats.floatSeconds(Duration.ofNanos(11_382_867_097L))).isEqualTo("11.382867097");
        assertThat(WireFormats.floatSeconds(Duration.ofMillis(1))).isEqualTo("0.001");
    }

    @Test
    void retryAfterRoundsUpAndIsNeverZero() {
        // given / when / then
        assertThat(WireFormats.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(WireFormats.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(WireFormats.retryAfterSeconds(Duration.ofMillis(2_001))).isEqualTo(3);
        assertThat(WireFormats.retryAfterSeconds(Duration.ofSeconds(50))).isEqualTo(50);
    }

    @Test
    void promptFactsAreReadFromTheirOwnLines() {
        // given
        String prompt = "System text.\nPractice area:  Contract Law \nTopic: Offer and Acceptance\nDifficulty:\n"
                + "Reply in JSON. The Topic: inline mention is ignored.";

        // when
        PromptFacts facts = PromptFacts.parse(prompt);

        // then
        assertThat(facts).isEqualTo(new PromptFacts("Contract Law", "Offer and Acceptance", null));
    }

    @Test
    void configRedactsItsKey() {
        // given
        SimulatorConfig config = SimulatorConfig.defaults().withApiKey("gsk_secret");

        // when
        String printed = config.toString();

        // then
        assertThat(printed).doesNotContain("gsk_secret").contains("<redacted>");
    }
}
