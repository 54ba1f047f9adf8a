package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.testsupport.Parallel;
import dev.legalgen.testsupport.TestClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderRateLimiterTests {

    private final TestClock clock = TestClock.manual();

    @Test
    void withSharedLimitsEachCallAlsoWaitsForTheStartItBookedAmongTheOtherProcesses() throws InterruptedException {
        // another process booked the next two seconds of starts: this one's call starts after them
        OtherProcesses others = new OtherProcesses();
        others.startIn = Duration.ofSeconds(2);
        ProviderRateLimiter limiter = new ProviderRateLimiter("groq", settings(30, 0, 0, 0), clock, clock, others);

        ProviderRateLimiter.Admission admitted = limiter.acquire(0, Duration.ofSeconds(5));

        assertThat(admitted.granted()).isTrue();
        assertThat(others.spacings).containsExactly(Duration.ofSeconds(2)); // a minute / 30
        assertThat(clock.instant()).isEqualTo(TestClock.manual().instant().plusSeconds(2));
    }

    @Test
    void withoutARequestsPerMinuteLimitThereIsNoStartToShare() throws InterruptedException {
        OtherProcesses others = new OtherProcesses();
        ProviderRateLimiter limiter = new ProviderRateLimiter("groq", settings(0, 6000, 0, 0), clock, clock, others);

        assertThat(limiter.acquire(0, Duration.ofSeconds(5)).granted()).isTrue();
        assertThat(others.spacings).isEmpty();
    }

    @Test
    void withSharedLimitsACallWaitsForRoomForItsTokensAmongTheOtherProcessesCallsAndSettlesWhatItUsed()
            throws InterruptedException {
        // the other processes' calls hold the shared tokens per minute for the next two answers
        OtherProcesses others = new OtherProcesses();
        others.noRoomFor = 2;
        ProviderRateLimiter limiter = new ProviderRateLimiter("groq", settings(0, 6000, 0, 0), clock, clock, others);

        ProviderRateLimiter.Admission admitted = limiter.acquire(400, 1000, Duration.ofSeconds(5), clock);

        // it asked three times, a second apart, for its estimate (400 chars / 4 + 1000) out of the 6000
        assertThat(admitted.granted()).isTrue();
        assertThat(others.asked).containsExactly("1100 of 6000", "1100 of 6000", "1100 of 6000");
        assertThat(clock.instant()).isEqualTo(TestClock.manual().instant().plusSeconds(2));
        admitted.permit().succeeded(350);
        admitted.permit().succeeded(350); // settled once, whatever the caller does
        assertThat(others.settled).containsExactly("3 used 350");
    }

    @Test
    void sharedLimitsThatDoNotAnswerAreAskedAgainASecondLaterRatherThanFailTheCall() throws InterruptedException {
        OtherProcesses others = new OtherProcesses();
        others.unanswered = 1;
        ProviderRateLimiter limiter = new ProviderRateLimiter("groq", settings(0, 6000, 0, 0), clock, clock, others);

        ProviderRateLimiter.Admission admitted = limiter.acquire(0, Duration.ofSeconds(5));

        assertThat(admitted.granted()).isTrue();
        assertThat(others.asked).hasSize(2);
        assertThat(clock.instant()).isEqualTo(TestClock.manual().instant().plus(ProviderRateLimiter.SHARED_RETRY));
    }

    @Test
    void callsOfOneProcessWaitingForSharedTokensAskTheOtherProcessesOneAtATime() throws Exception {
        // the others hold the tokens for the first answers; each answer takes a while, as a database's does
        AtomicInteger asking = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger answers = new AtomicInteger();
        OtherProcesses slowAnswers = new OtherProcesses() {
            @Override
            public TokenReservation reserveTokens(String provider, long tokens, long capacity) {
                mostAtOnce.accumulateAndGet(asking.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    asking.decrementAndGet();
                }
                return answers.incrementAndGet() <= 6
                        ? TokenReservation.noRoomFor(Duration.ofMillis(5))
                        : TokenReservation.granted(answers.get());
            }
        };
        ProviderRateLimiter limiter = new ProviderRateLimiter(
                "groq", settings(0, 60_000, 0, 0), Clock.systemUTC(), Sleeper.SYSTEM, slowAnswers);

        List<Boolean> admitted = Parallel.run(
                4, 4, () -> limiter.acquire(0, Duration.ofSeconds(5)).granted());

        assertThat(admitted).containsOnly(true);
        assertThat(mostAtOnce.get()).as("calls asking at once").isEqualTo(1);
    }

    @Test
    void aSharedTokenReservationIsGivenBackWhenTheCallIsNotMadeOrNotCharged() throws InterruptedException {
        OtherProcesses others = new OtherProcesses();
        ProviderRateLimiter limiter = new ProviderRateLimiter("groq", settings(0, 6000, 0, 0), clock, clock, others);

        limiter.acquire(0, Duration.ofSeconds(5)).permit().cancelled();
        limiter.acquire(0, Duration.ofSeconds(5)).permit().failed(failure(ErrorCategory.AUTHENTICATION, 401));

        assertThat(others.released).containsExactly(1L, 2L);
        assertThat(others.settled).isEmpty();
    }

    @Test
    void tokensPerMinuteLearntFromTheHeadersAreSharedFromThenOn() throws InterruptedException {
        OtherProcesses others = new OtherProcesses();
        ProviderRateLimiter limiter = new ProviderRateLimiter("groq", settings(0, 0, 0, 0), clock, clock, others);
        limiter.acquire(0, Duration.ofSeconds(5)).permit().succeeded(500);
        assertThat(others.asked).isEmpty(); // no limit known: nothing to share

        limiter.onHeaders(tokensPerMinute(6000, 5500, Duration.ofSeconds(50)));
        limiter.acquire(0, Duration.ofSeconds(5)).permit().succeeded(500);
        limiter.acquire(0, Duration.ofSeconds(5)).permit().succeeded(500);

        // the call made before the limit was known is counted by the others too, once, at its estimate
        assertThat(others.recorded).containsExactly(1024L);
        assertThat(others.asked).containsExactly("1024 of 6000", "1024 of 6000"); // the default completion budget
    }

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
    void aCallIsSettledToTheTokensItsAnswerReports() {
        // given room for 4000 tokens a minute and a call that reserved 2024
        ProviderRateLimiter limiter = limiter(0, 4000, 0, 0);
        ProviderRateLimiter.Permit call = limiter.tryAcquire(4000).permit();
        assertThat(limiter.availableIn(4000)).as("2 x 2024 > 4000").isEqualTo(Duration.ofMinutes(1));

        // when
        call.succeeded(600);

        // then 600 + 2024 <= 4000
        assertThat(limiter.availableIn(4000)).isZero();
    }

    @Test
    void aQueuedCallerStartsEarlierWhenTheCallsAheadUseFewerTokensThanReserved() throws InterruptedException {
        // given 6000 tokens a minute and three calls in flight reserving 1949 each (3700 prompt chars)
        List<ProviderRateLimiter.Permit> inFlight = new ArrayList<>();
        ProviderRateLimiter limiter = new ProviderRateLimiter(
                "groq",
                settings(0, 6000, 0, 0),
                clock,
                onFirstSleep(() -> inFlight.forEach(call -> call.succeeded(1190))));
        for (int i = 0; i < 3; i++) {
            inFlight.add(limiter.tryAcquire(3700).permit());
        }
        Instant start = clock.instant();

        // when a fourth caller queues and, while it waits, the three answer having used 1190 each
        ProviderRateLimiter.Admission fourth = limiter.acquire(3700, Duration.ofMinutes(2));

        // then it was booked for when the first estimate leaves the window, and went at its next look instead
        assertThat(fourth.granted()).isTrue();
        assertThat(fourth.waitTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.between(start, clock.instant())).isEqualTo(ProviderRateLimiter.RECHECK);
    }

    @Test
    void theProvidersCountIsTheTruthWhenItSaysMoreIsFree() {
        // given 6000 tokens a minute, two calls that used 1949 each and a third answering 10 s later
        ProviderRateLimiter limiter = limiter(0, 6000, 0, 0);
        limiter.tryAcquire(3700).permit().succeeded(1949);
        limiter.tryAcquire(3700).permit().succeeded(1949);
        clock.advance(Duration.ofSeconds(10));
        ProviderRateLimiter.Permit third = limiter.tryAcquire(3700).permit();
        assertThat(limiter.availableIn(3700))
                .as("by our count, 3 x 1949 stay for a minute")
                .isPositive();

        // when its answer says the provider counts 2000 of them (it refills faster than our window forgets)
        limiter.onHeaders(tokensPerMinute(6000, 4000, Duration.ofSeconds(20)));
        third.succeeded(1949);

        // then 2000 + 2 x 1949 <= 6000
        assertThat(limiter.tryAcquire(3700).granted()).isTrue();
        assertThat(limiter.tryAcquire(3700).granted()).isTrue();
        assertThat(limiter.tryAcquire(3700).granted()).isFalse();
    }

    @Test
    void whatTheProviderHasCountedLeavesAtItsResetWhenThatIsSoonerThanOurWindow() {
        // given 6000 tokens a minute: a call that used 1949 and one answering 10 s later
        ProviderRateLimiter limiter = limiter(0, 6000, 0, 0);
        limiter.tryAcquire(3700).permit().succeeded(1949);
        clock.advance(Duration.ofSeconds(10));
        ProviderRateLimiter.Permit second = limiter.tryAcquire(3700).permit();

        // when the provider counts both and says they are back in 40 s
        limiter.onHeaders(tokensPerMinute(6000, 6000 - 2 * 1949, Duration.ofSeconds(40)));
        second.succeeded(1949);

        // then a call of 3024 (more than the 2102 left) waits 40 s, not until the first leaves our window in 50 s
        assertThat(limiter.availableIn(8000)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aCallStillInFlightKeepsItsReservationWhenAnotherAnswerSaysAllIsFree() {
        // given 6000 tokens a minute, a call in flight and another answering a second later
        ProviderRateLimiter limiter = limiter(0, 6000, 0, 0);
        limiter.tryAcquire(3700); // 1949, in flight
        clock.advance(Duration.ofSeconds(1));
        ProviderRateLimiter.Permit answered = limiter.tryAcquire(3700).permit();

        // when the answer says nothing is counted: the provider may not have seen the first call yet
        limiter.onHeaders(tokensPerMinute(6000, 6000, Duration.ZERO));
        answered.succeeded(1949);

        // then only the answered call is forgotten
        assertThat(limiter.availableIn(4 * (4051 - 1024)))
                .as("1949 + 4051 <= 6000")
                .isZero();
        assertThat(limiter.availableIn(4 * (4052 - 1024))).isPositive();
    }

    @Test
    void anAnswerCountingTheReservationsOfCallsStillBeingProcessedHoldsNothingBack() {
        // given 6000 tokens a minute and three overlapping calls of 1949
        ProviderRateLimiter limiter = limiter(0, 6000, 0, 0);
        ProviderRateLimiter.Permit first = limiter.tryAcquire(3700).permit();
        clock.advance(Duration.ofSeconds(1));
        ProviderRateLimiter.Permit second = limiter.tryAcquire(3700).permit();
        clock.advance(Duration.ofSeconds(1));
        ProviderRateLimiter.Permit third = limiter.tryAcquire(3700).permit();
        first.succeeded(1190);
        second.succeeded(1190);

        // when the third call's answer, written while the provider still held the others' reservations, arrives last
        limiter.onHeaders(tokensPerMinute(6000, 6000 - 2 * 1949 - 1190, Duration.ofSeconds(50)));
        third.succeeded(1190);

        // then its count is ours, not someone else's: 3 x 1190 + 1949 <= 6000
        assertThat(limiter.tryAcquire(3700).granted()).isTrue();
    }

    @Test
    void anOlderAnswerDoesNotClearWhatANewerOneSaysSomeoneElseUses() throws InterruptedException {
        // given 6000 tokens a minute and a call in flight when another thread's answer says 5000 are used
        ProviderRateLimiter limiter = limiter(0, 6000, 0, 0);
        ProviderRateLimiter.Permit slow = limiter.tryAcquire(0).permit(); // reserves 1024
        clock.advance(Duration.ofSeconds(1));
        Thread other = new Thread(() -> limiter.onHeaders(tokensPerMinute(6000, 1000, Duration.ofSeconds(50))));
        other.start();
        other.join();

        // when the slow call's answer, written before that, says nothing is used
        limiter.onHeaders(tokensPerMinute(6000, 6000, Duration.ZERO));
        slow.succeeded(10);

        // then the 3976 someone else uses (5000 less our 1024) still count
        assertThat(limiter.availableIn(4 * (2024 - 1024))).isZero();
        assertThat(limiter.availableIn(4 * (2025 - 1024))).isPositive();
    }

    @Test
    void aFailureTheProviderDoesNotChargeGivesTheReservationBack() {
        // given room for one call of 1949 a minute
        ProviderRateLimiter limiter = limiter(0, 2000, 0, 0);
        ProviderRateLimiter.Permit refused = limiter.tryAcquire(3700).permit();
        ProviderRateLimiter.Permit neverArrived = null;

        // when the model is not found (refused before any generation), then a connection fails
        refused.failed(failure(ErrorCategory.MODEL_UNAVAILABLE, 404));
        neverArrived = limiter.tryAcquire(3700).permit();
        neverArrived.failed(failure(ErrorCategory.CONNECTION_ERROR, null));

        // then each time the room is back at once
        assertThat(neverArrived).isNotNull();
        assertThat(limiter.tryAcquire(3700).granted()).isTrue();
    }

    @Test
    void aFailureTheProviderMayHaveChargedKeepsTheReservation() {
        // given room for one call of 1949 a minute
        ProviderRateLimiter limiter = limiter(0, 2000, 0, 0);

        // when the call times out: it arrived and may still be generating
        limiter.tryAcquire(3700).permit().failed(failure(ErrorCategory.TIMEOUT, null));

        // then
        assertThat(limiter.availableIn(3700)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aQueuedCallerWhoseSlotComesDuringA429BlockGivesItBackInsteadOfCalling() throws InterruptedException {
        // given room for one call of 1949 a minute, one in flight
        ProviderRateLimiter.Permit[] inFlight = new ProviderRateLimiter.Permit[1];
        ProviderRateLimiter limiter = new ProviderRateLimiter(
                "groq",
                settings(0, 2000, 0, 0),
                clock,
                onFirstSleep(() -> inFlight[0].failed(rateLimited(Duration.ofMinutes(10)))));
        inFlight[0] = limiter.tryAcquire(3700).permit();

        // when a caller queues behind it and, while it waits, the call is answered 429 for 10 minutes
        ProviderRateLimiter.Admission queued = limiter.acquire(3700, Duration.ofMinutes(2));

        // then the 429 gave the room back, and the caller reports the block instead of calling into it
        assertThat(queued.granted()).isFalse();
        assertThat(queued.waitTime()).isEqualTo(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.availableIn(3700)).as("neither call holds room").isZero();
    }

    @Test
    void serverReportingFewerRemainingDrainsTheBucket() {
        ProviderRateLimiter limiter = limiter(0, 8000, 0, 0);

        limiter.onHeaders(new RateLimitHeaders(
                null, null, new RateLimitHeaders.Window(8000L, 1500L, Duration.ofSeconds(7)), null));

        assertThat(limiter.tryAcquire(4000).granted())
                .as("2024 estimated > 1500 left")
                .isFalse();
        assertThat(limiter.tryAcquire(0).granted())
                .as("1024 estimated <= 1500 left")
                .isTrue();
    }

    @Test
    void learnsAnUnconfiguredWindowFromTheHeaders() {
        ProviderRateLimiter limiter = limiter(0, 0, 0, 0);
        ProviderRateLimiter.Permit call = limiter.tryAcquire(0).permit();

        limiter.onHeaders(
                new RateLimitHeaders(null, new RateLimitHeaders.Window(1000L, 0L, Duration.ofHours(3)), null, null));
        call.succeeded(10);

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
        assertThat(limiter.tryAcquire(0).granted())
                .as("second caller while the probe is out")
                .isFalse();

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

    /** Advances the manual clock as its own sleeps do, running {@code action} once, during the first sleep. */
    private Sleeper onFirstSleep(Runnable action) {
        boolean[] done = new boolean[1];
        return duration -> {
            clock.advance(duration);
            if (!done[0]) {
                done[0] = true;
                action.run();
            }
        };
    }

    private static RateLimitHeaders tokensPerMinute(long limit, long remaining, Duration reset) {
        return new RateLimitHeaders(null, null, new RateLimitHeaders.Window(limit, remaining, reset), null);
    }

    private static ProviderCallException failure(ErrorCategory category, Integer status) {
        return new ProviderCallException("groq", "m", category, status, null, null, null, category.label(), null);
    }

    private static ProviderCallException rateLimited(Duration retryAfter) {
        return new ProviderCallException(
                "groq", "m", ErrorCategory.RATE_LIMIT, 429, "rate_limit_exceeded", "requests", retryAfter, "429", null);
    }

    /** What the other processes calling the provider hold, as the database tells a worker. */
    private static class OtherProcesses implements SharedLimits {
        private final List<Duration> spacings = new ArrayList<>();
        private final List<String> asked = new ArrayList<>();
        private final List<String> settled = new ArrayList<>();
        private final List<Long> released = new ArrayList<>();
        private final List<Long> recorded = new ArrayList<>();
        private Duration startIn = Duration.ZERO;
        private int noRoomFor;
        private int unanswered;
        private long ids;

        @Override
        public Duration bookStart(String provider, Duration spacing) {
            spacings.add(spacing);
            return startIn;
        }

        @Override
        public TokenReservation reserveTokens(String provider, long tokens, long capacity) {
            asked.add(tokens + " of " + capacity);
            if (unanswered-- > 0) {
                throw new IllegalStateException("the database did not answer");
            }
            ids++;
            return noRoomFor-- > 0 ? TokenReservation.noRoomFor(Duration.ofSeconds(1)) : TokenReservation.granted(ids);
        }

        @Override
        public void recordUsed(String provider, long usedTokens) {
            recorded.add(usedTokens);
        }

        @Override
        public void settleTokens(String provider, long reservation, long usedTokens) {
            settled.add(reservation + " used " + usedTokens);
        }

        @Override
        public void releaseTokens(String provider, long reservation) {
            released.add(reservation);
        }
    }

    private ProviderRateLimiter limiter(int rpm, int tpm, int rpd, int tpd) {
        return new ProviderRateLimiter("groq", settings(rpm, tpm, rpd, tpd), clock, clock);
    }

    private static ProviderSettings settings(int rpm, int tpm, int rpd, int tpd) {
        return new ProviderSettings(
                URI.create("http://localhost:1"),
                ApiKey.of("k"),
                List.of("m"),
                rpm,
                tpm,
                rpd,
                tpd,
                null,
                null,
                0,
                null,
                Map.of(),
                null,
                null);
    }
}
