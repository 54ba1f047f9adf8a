package dev.legalgen.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.provider.ApiKey;
import dev.legalgen.provider.ProviderRateLimiter;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.provider.SharedLimits.TokenReservation;
import dev.legalgen.provider.Sleeper;
import dev.legalgen.testsupport.Parallel;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The limits that the workers of remote partitioning share, in the real database (the V14 and V15 tables): two
 * limiters stand for two worker processes, each with its own windows, sharing only the database.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:shared-limits;DB_CLOSE_DELAY=-1")
class DatabaseLimitsIntegrationTests {

    private static final String PROVIDER = "groq";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private DatabaseLimits shared;

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM provider_token_use");
        jdbc.update("DELETE FROM provider_pace");
        shared = new DatabaseLimits(jdbc, new TransactionTemplate(transactionManager));
    }

    @Test
    void tokensReservedByOneProcessLeaveTheOthersOnlyTheRestOfTheMinute() {
        TokenReservation first = shared.reserveTokens(PROVIDER, 600, 1000);
        TokenReservation second = shared.reserveTokens(PROVIDER, 600, 1000);

        // the second does not fit beside the first, in flight: ask again within a second, as it may end by then
        assertThat(first.isGranted()).isTrue();
        assertThat(second.isGranted()).isFalse();
        assertThat(second.waitTime()).isPositive().isLessThanOrEqualTo(DatabaseLimits.RECHECK);

        // the first used 300 of its 600: those count for a minute, and 600 more fit beside them
        shared.settleTokens(PROVIDER, first.id(), 300);
        assertThat(shared.reserveTokens(PROVIDER, 600, 1000).isGranted()).isTrue();
        assertThat(jdbc.queryForObject("SELECT SUM(tokens) FROM provider_token_use", Long.class))
                .isEqualTo(900)
                .as("the provider's running total")
                .isEqualTo(jdbc.queryForObject("SELECT tokens_counting FROM provider_pace", Long.class));
    }

    @Test
    void theFirstCallsToAProviderFromManyThreadsAtOnceAllGetTheirAnswer() throws Exception {
        // a provider no call has booked yet: its row is made by whichever thread comes first
        List<Boolean> granted = Parallel.run(
                8, 16, () -> shared.reserveTokens("cerebras", 10, 1000).isGranted());
        List<Duration> starts = Parallel.run(8, 16, () -> shared.bookStart("groq-2", Duration.ofMillis(1)));

        assertThat(granted).hasSize(16).containsOnly(true);
        assertThat(starts).hasSize(16);
    }

    @Test
    void aReleasedReservationCountsNoMoreAndAnExpiredOneIsDeleted() {
        TokenReservation released = shared.reserveTokens(PROVIDER, 900, 1000);
        shared.releaseTokens(PROVIDER, released.id());
        TokenReservation expired = shared.reserveTokens(PROVIDER, 900, 1000);
        assertThat(expired.isGranted()).isTrue();
        // a minute has passed since it ended
        jdbc.update(
                "UPDATE provider_token_use SET counts_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE id = ?",
                expired.id());

        assertThat(shared.reserveTokens(PROVIDER, 900, 1000).isGranted()).isTrue();
        assertThat(jdbc.queryForList("SELECT id FROM provider_token_use", Long.class))
                .doesNotContain(released.id(), expired.id())
                .hasSize(1);
        assertThat(jdbc.queryForObject("SELECT tokens_counting FROM provider_pace", Long.class))
                .isEqualTo(900);
    }

    @Test
    void tokensAProcessUsedBeforeItKnewTheLimitCountForAMinute() {
        shared.recordUsed(PROVIDER, 700);

        assertThat(shared.reserveTokens(PROVIDER, 400, 1000).isGranted()).isFalse();
        assertThat(shared.reserveTokens(PROVIDER, 300, 1000).isGranted()).isTrue();
    }

    @Test
    void aRequestLargerThanTheLimitWaitsOnlyForAnEmptyMinute() {
        assertThat(shared.reserveTokens(PROVIDER, 5000, 1000).isGranted()).isTrue();
        assertThat(jdbc.queryForObject("SELECT tokens FROM provider_token_use", Long.class))
                .isEqualTo(1000);
    }

    @Test
    void startsAreSpacedAcrossProcessesByTheDatabasesClock() {
        Duration first = shared.bookStart(PROVIDER, Duration.ofSeconds(2));
        Duration second = shared.bookStart(PROVIDER, Duration.ofSeconds(2));
        Duration third = shared.bookStart(PROVIDER, Duration.ofSeconds(2));

        assertThat(first).isZero();
        assertThat(second).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(2));
        assertThat(third).isBetween(Duration.ofMillis(3500), Duration.ofSeconds(4));
    }

    @Test
    void twoWorkersLimitersKeepOneTokensPerMinuteBetweenThem() throws InterruptedException {
        // given two workers, each knowing the provider's 3000 tokens a minute, as one process would
        List<String> waits = new ArrayList<>();
        ProviderRateLimiter workerA = limiter(Sleeper.SYSTEM);
        ProviderRateLimiter.Permit callOfA =
                workerA.acquire(0, 2000, Duration.ofSeconds(5), Sleeper.SYSTEM).permit();
        // worker B's sleeps stand for the time in which A's call ends, having used 400 tokens
        Sleeper whileAsCallEnds = pause -> {
            waits.add("waited " + (pause.compareTo(DatabaseLimits.RECHECK) <= 0 ? "at most a second" : pause));
            callOfA.succeeded(400);
        };
        ProviderRateLimiter workerB = limiter(whileAsCallEnds);

        // when B asks for a call of 2000 tokens while A's 2000 are in flight
        ProviderRateLimiter.Admission admitted = workerB.acquire(0, 2000, Duration.ofSeconds(5), whileAsCallEnds);

        // then B waited for A's call to end, and went ahead beside the 400 it used
        assertThat(admitted.granted()).isTrue();
        assertThat(waits).containsExactly("waited at most a second");
        assertThat(jdbc.queryForList("SELECT tokens FROM provider_token_use ORDER BY id", Long.class))
                .containsExactly(400L, 2000L);
        admitted.permit().succeeded(350);
        assertThat(jdbc.queryForList("SELECT tokens FROM provider_token_use ORDER BY id", Long.class))
                .containsExactly(400L, 350L);
    }

    private ProviderRateLimiter limiter(Sleeper sleeper) {
        ProviderSettings settings = new ProviderSettings(
                URI.create("http://localhost:1"),
                ApiKey.of("k"),
                List.of("m"),
                0,
                3000,
                0,
                0,
                null,
                null,
                0,
                null,
                Map.of(),
                null,
                null);
        return new ProviderRateLimiter(PROVIDER, settings, Clock.systemUTC(), sleeper, shared);
    }
}
