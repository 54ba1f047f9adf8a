package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.testsupport.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderWindowsTests {

    private static final long SECOND = 1_000_000_000L;

    private final TestClock clock = TestClock.manual();

    @Test
    void waitingCallersQueueBehindEachOthersBookings() {
        // given two requests a minute, one made at 0 s
        ProviderWindows windows = windows(2, 0);
        book(windows, 0);
        clock.advance(Duration.ofSeconds(10));

        // when two more callers book
        ProviderWindows.Booking first = book(windows, 0);
        ProviderWindows.Booking second = book(windows, 0);

        // then
        assertThat(windows.untilStart(first)).as("the next slot is at 30 s").isEqualTo(20 * SECOND);
        assertThat(windows.untilStart(second))
                .as("then at 60 s, when the use at 0 s leaves the window")
                .isEqualTo(50 * SECOND);
        assertThat(windows.waitFor(0)).isEqualTo(80 * SECOND);
    }

    @Test
    void queuedBookingsMoveEarlierWhenTheCallsAheadSettleLower() {
        // given 6000 tokens a minute, three calls of 1950 in flight and two queued behind them
        ProviderWindows windows = windows(0, 6000);
        List<ProviderWindows.Booking> inFlight = List.of(book(windows, 1950), book(windows, 1950), book(windows, 1950));
        ProviderWindows.Booking fourth = book(windows, 1950);
        ProviderWindows.Booking fifth = book(windows, 1950);
        assertThat(windows.untilStart(fourth))
                .as("booked against the estimates ahead")
                .isEqualTo(60 * SECOND);
        clock.advance(Duration.ofSeconds(1));

        // when the three calls turn out to have used 600 tokens each
        inFlight.forEach(call -> windows.settle(call, 600));
        windows.reflow();

        // then 1800 + 2 x 1950 <= 6000: both start now
        assertThat(windows.untilStart(fourth)).isZero();
        assertThat(windows.untilStart(fifth)).isZero();
        assertThat(windows.waitFor(1950)).as("and they hold their room").isPositive();
    }

    @Test
    void aReleasedQueuedBookingLetsTheOnesBehindItMoveUp() {
        // given room for one call of 1950 a minute: one now, two queued at 60 s and 120 s
        ProviderWindows windows = windows(0, 2000);
        book(windows, 1950);
        ProviderWindows.Booking second = book(windows, 1950);
        ProviderWindows.Booking third = book(windows, 1950);
        assertThat(windows.untilStart(third)).isEqualTo(120 * SECOND);

        // when the second caller gives up
        windows.release(second);

        // then
        assertThat(windows.untilStart(third)).isEqualTo(60 * SECOND);
    }

    @Test
    void aReleasedQueuedBookingGivesBackItsPlaceInTheEvenSpacing() {
        // given 60 requests a minute, one a second
        ProviderWindows windows = windows(60, 0);
        book(windows, 0);
        ProviderWindows.Booking second = book(windows, 0);
        ProviderWindows.Booking third = book(windows, 0);

        // when
        windows.release(second);

        // then
        assertThat(windows.untilStart(third)).isEqualTo(SECOND);
        assertThat(windows.waitFor(0)).isEqualTo(2 * SECOND);
    }

    private static ProviderWindows.Booking book(ProviderWindows windows, long tokens) {
        return windows.book(tokens, windows.waitFor(tokens));
    }

    private ProviderWindows windows(int rpm, int tpm) {
        return new ProviderWindows(
                new ProviderSettings(
                        URI.create("http://localhost:1"),
                        ApiKey.of("k"),
                        List.of("m"),
                        rpm,
                        tpm,
                        0,
                        0,
                        null,
                        null,
                        0,
                        null,
                        Map.of(),
                        null,
                        null),
                clock);
    }
}
