package dev.legalgen.provider;

import dev.legalgen.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRateLimiterTests {

    private final TestClock clock = TestClock.manual();

    @Test
    void requestsPerMinuteAreSpacedEvenlyAndSayHowLongToWait() {
        ProviderRateLimiter limiter = limiter(3, 0, 0, 0);

        assertThat(limiter.tryAcquire(100).granted()).isTrue();
        ProviderRateLimiter.Admission second = limiter.tryAcquire(100);

        assertThat(second.granted()).isFalse();
        assertThat(second.waitTime()).isEqualTo(Duration.ofSeconds(20)); // one every minute / 3
    }

    @Test
    void neverAdmitsMoreThanTheLimitInAnyRollingMinute() {
        ProviderRateLimiter limiter = limiter(3, 0, 0, 0);
        List<Integer> admittedAtSecond = new ArrayList<>();

        for (int second = 0; second < 150; second++) {
            if (limiter.tryAcquire(0).granted()) {
                admittedAtSecond.add(second);
            }
            clock.advance(Duration.ofSeconds(1));
        }

        // evenly spaced: three in any rolling minute, never a burst of three then a minute of nothing
        assertThat(admittedAtSecond).containsExactly(0, 20, 40, 60, 80, 100, 120, 140);
    }

    @Test
    void acquireReservesTheNextSlotAndWaitsForItOnTheInjectedClock() throws InterruptedException {
        ProviderRateLimiter limiter = limiter(30, 0, 0, 0);
        limiter.tryAcquire(0);

        ProviderRateLimiter.Admission waited = limiter.acquire(0, Duration.ofSeconds(5));

        assertThat(waited.granted()).isTrue();
        assertThat(clock.instant()).isEqualTo(TestClock.manual().instant().plusSeconds(2)); // one every 2 s
    }

    @Test
    void waitingCallersQueueBehindEachOthersReservations() throws InterruptedException {
        ProviderRateLimiter limiter = new ProviderRateLimiter("groq", settings(2, 0, 0, 0), clock, duration -> {}); // reserves, never sleeps
        limiter.tryAcquire(0);
        clock.advance(Duration.ofSeconds(10));

        ProviderRateLimiter.Admission first = limiter.acquire(0, Duration.ofMinutes(2));
        ProviderRateLimiter.Admission second = limiter.acquire(0, Duration.ofMinutes(2));

        assertThat(first.waitTime()).as("2 a minute: the next slot is at 30 s").isEqualTo(Duration.ofSeconds(20));
        assertThat(second.waitTime()).as("then at 60 s, when the use at 0 s leaves the window").isEqualTo(Duration.ofSeconds(50));
        assertThat(limiter.availableIn(0)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void aRequestCountsUntilAPeriodAfterItsCallEndedAsTheProviderMayHaveCountedItThatLate() {
        ProviderRateLimiter limiter = limiter(1, 0, 0, 0);
        ProviderRateLimiter.Permit slow = limiter.tryAcquire(0).permit();
        clock.advance(Duration.ofSeconds(30));

        slow.succeeded(10);

        assertThat(limiter.availableIn(0)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void availableInReservesNothing() {
        ProviderRateLimiter limiter = limiter(1, 0, 0, 0);

        assertThat(limiter.availableIn(0)).isEqualTo(Duration.ZERO);
        assertThat(limiter.availableIn(0)).isEqualTo(Duration.ZERO);
        limiter.tryAcquire(0);

        assertThat(limiter.availableIn(0)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void acquireReturnsTheWaitWhenItIsLongerThanTheCallerAccepts() throws InterruptedException {
        ProviderRateLimiter limiter = limiter(1, 0, 0, 0);
        limiter.tryAcquire(0);

        ProviderRateLimiter.Admission denied = limiter.acquire(0, Duration.ofSeconds(5));

        assertThat(denied.granted()).isFalse();
        assertThat(denied.waitTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(TestClock.manual().instant());
    }

    @Test
    void reservesPromptCharsOverFourPlusMaxCompletionTokensAndRefundsUnusedTokens() {
        ProviderRateLimiter limiter = limiter(0, 8000, 0, 0);
        List<ProviderRateLimiter.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            permits.add(limiter.tryAcquire(4000).permit()); // 1000 + 1024 = 2024 each
        }
        assertThat(permits.get(0).reservedTokens()).isEqualTo(2024);
        assertThat(limiter.tryAcquire(4000).granted()).isFalse(); // 8000 - 3 * 2024 = 1928 left

        permits.get(0).succeeded(600);

        assertThat(limiter.tryAcquire(4000).granted()).isTrue();
    }

    @Test
    void serverReportingFewerRemainingDrainsTheBucket() {
        ProviderRateLimiter limiter = limiter(0, 8000, 0, 0);

        limiter.onHeaders(new RateLimitHeaders(null, null, new RateLimitHeaders.Window(8000L, 1500L, Duration.ofSeconds(7)), null));

        assertThat(limiter.tryAcquire(4000).granted()).as("2024 estimated > 1500 left").isFalse();
        assertThat(limiter.tryAcquire(0).granted()).as("1024 estimated <= 1500 left").isTrue();
    }

    @Test
    void learnsAnUnconfiguredWindowFromTheHeaders() {
        ProviderRateLimiter limiter = limiter(0, 0, 0, 0);
        assertThat(limiter.tryAcquire(0).granted()).isTrue();

        limiter.onHeaders(new RateLimitHeaders(null, new RateLimitHeaders.Window(1000L, 0L, Duration.ofHours(3)), null, null));

        assertThat(limiter.tryAcquire(0).granted()).isFalse();
    }

    @Test
    void after429OnlyOneProbePerRetryAfterWindow() {
        ProviderRateLimiter limiter = limiter(0, 0, 0, 0);
        ProviderRateLimiter.Permit first = limiter.tryAcquire(0).permit();

        first.failed(rateLimited(Duration.ofSeconds(10)));

        assertThat(limiter.tryAcquire(0).waitTime()).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        ProviderRateLimiter.Permit probe = limiter.tryAcquire(0).permit();
        assertThat(probe).isNotNull();
        assertThat(limiter.tryAcquire(0).granted()).as("second caller while the probe is out").isFalse();

        probe.succeeded(10);

        assertThat(limiter.tryAcquire(0).granted()).isTrue();
        assertThat(limiter.tryAcquire(0).granted()).isTrue();
    }

    @Test
    void aProbeThatIsRateLimitedAgainBlocksAgain() {
        ProviderRateLimiter limiter = limiter(0, 0, 0, 0);
        limiter.tryAcquire(0).permit().failed(rateLimited(Duration.ofSeconds(2)));
        clock.advance(Duration.ofSeconds(2));

        limiter.tryAcquire(0).permit().failed(rateLimited(Duration.ofSeconds(86399)));

        assertThat(limiter.tryAcquire(0).waitTime()).isEqualTo(Duration.ofSeconds(86399));
        assertThat(limiter.blockedUntil()).isEqualTo(clock.instant().plusSeconds(86399));
    }

    @Test
    void unlimitedProviderAlwaysAdmits() {
        ProviderRateLimiter limiter = limiter(0, 0, 0, 0);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire(100_000).granted()).isTrue();
        }
    }

    private static ProviderCallException rateLimited(Duration retryAfter) {
        return new ProviderCallException("groq", "m", ErrorCategory.RATE_LIMIT, 429, "rate_limit_exceeded", "requests", retryAfter, "429", null);
    }

    private ProviderRateLimiter limiter(int rpm, int tpm, int rpd, int tpd) {
        return new ProviderRateLimiter("groq", settings(rpm, tpm, rpd, tpd), clock, clock);
    }

    private static ProviderSettings settings(int rpm, int tpm, int rpd, int tpd) {
        return new ProviderSettings(URI.create("http://localhost:1"), ApiKey.of("k"), List.of("m"), rpm, tpm, rpd, tpd, null, null, 0, null);
    }
}
