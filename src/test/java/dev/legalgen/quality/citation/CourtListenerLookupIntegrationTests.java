package dev.legalgen.quality.citation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.quality.citation.FakeCourtListener.SeenRequest;
import dev.legalgen.testsupport.TestClock;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The CourtListener lookup over real HTTP against a fake of the documented API, its answers cached in the real
 * database (Flyway's citation_lookup table); time is a manual clock that moves only when the pacer waits.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:citation-lookup;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class CourtListenerLookupIntegrationTests {

    private static final String TOKEN = "cl-test-token-5d41402abc4b2a76";
    private static final String BROWN = "Brown v. Board of Education, 347 U.S. 483 (1954)";
    private static final String MIRANDA = "Miranda v. Arizona, 384 U.S. 436 (1966)";
    private static final String GIDEON = "Gideon v. Wainwright, 372 U.S. 335 (1963)";
    private static final String UNKNOWN = "Smith v. Jones, 999 F.3d 999 (9th Cir. 2001)";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    CitationLookup configuredLookup;

    private final TestClock clock = TestClock.manual();
    private FakeCourtListener courtListener;

    @BeforeEach
    void start() {
        jdbc.update("DELETE FROM citation_lookup");
        courtListener = FakeCourtListener.start(clock, TOKEN, Set.of("347 U.S. 483", "384 U.S. 436", "372 U.S. 335"));
    }

    @AfterEach
    void stop() {
        courtListener.close();
    }

    @Test
    void aCitationCourtListenerFindsIsVerifiedAndItsAnswerCached() {
        // when
        CitationCheck check = checker(Duration.ofSeconds(60)).check(BROWN);

        // then: one documented request, with the token in its header only
        assertThat(check).isEqualTo(CitationCheck.VERIFIED);
        assertThat(courtListener.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(FakeCourtListener.PATH);
            assertThat(request.authorization()).isEqualTo("Token " + TOKEN);
            assertThat(request.form()).isEqualTo(Map.of("volume", "347", "reporter", "U.S.", "page", "483"));
        });
        assertThat(cached("347 U.S. 483")).isEqualTo("FOUND");
    }

    @Test
    void aCitationCourtListenerDoesNotFindStaysRecognizedAndThatIsCachedToo() {
        CitationCheck check = checker(Duration.ofSeconds(60)).check(UNKNOWN);

        assertThat(check).isEqualTo(CitationCheck.RECOGNIZED);
        assertThat(courtListener.requests()).hasSize(1);
        assertThat(cached("999 F.3d 999")).isEqualTo("NOT_FOUND");
    }

    @Test
    void aCachedAnswerIsNotAskedForAgainAfterARestart() {
        // given an answer cached by an earlier run
        checker(Duration.ofSeconds(60)).check(BROWN);

        // when a new lookup (a restarted process) checks the same citation, spelt differently
        CitationCheck again = checker(Duration.ofSeconds(60)).check("Brown v. Board of Educ., 347 US 483, 495 (1954)");

        // then
        assertThat(again).isEqualTo(CitationCheck.VERIFIED);
        assertThat(courtListener.requests()).hasSize(1);
    }

    @Test
    void lookupsAreSpacedOneSecondApart() {
        // given
        Instant start = clock.instant();
        CitationChecker checker = checker(Duration.ofSeconds(60));

        // when
        List<CitationCheck> checks = List.of(checker.check(BROWN), checker.check(MIRANDA), checker.check(GIDEON));

        // then: 60 a minute, evenly
        assertThat(checks).containsOnly(CitationCheck.VERIFIED);
        assertThat(courtListener.requests())
                .extracting(SeenRequest::at)
                .containsExactly(start, start.plusSeconds(1), start.plusSeconds(2));
    }

    @Test
    void aThrottledLookupIsRetriedAtItsWaitUntil() {
        // given CourtListener's citation throttle, reached
        Instant start = clock.instant();
        Instant waitUntil = start.plusSeconds(30);
        courtListener.throttleNextUntil(waitUntil);

        // when
        CitationCheck check = checker(Duration.ofSeconds(60)).check(BROWN);

        // then: the second request was sent at the wait_until, not before
        assertThat(check).isEqualTo(CitationCheck.VERIFIED);
        assertThat(courtListener.requests()).extracting(SeenRequest::at).containsExactly(start, waitUntil);
    }

    @Test
    void aWaitLongerThanMaxWaitLeavesTheStaticCheckAndCachesNothing() {
        // given a throttle that lifts in ten minutes
        courtListener.throttleNextUntil(clock.instant().plus(Duration.ofMinutes(10)));
        CitationChecker checker = checker(Duration.ofSeconds(60));

        // when
        CitationCheck throttled = checker.check(BROWN);
        CitationCheck meanwhile = checker.check(MIRANDA);

        // then: no request but the throttled one, no waiting, nothing cached
        assertThat(throttled).isEqualTo(CitationCheck.RECOGNIZED);
        assertThat(meanwhile).isEqualTo(CitationCheck.RECOGNIZED);
        assertThat(courtListener.requests()).hasSize(1);
        assertThat(clock.instant()).isEqualTo(TestClock.MANUAL_START);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM citation_lookup", Integer.class))
                .isZero();
    }

    @Test
    void aRefusedTokenTurnsLookupsOffAndSaysSoWithoutTheToken(CapturedOutput output) {
        // given a token CourtListener does not accept
        CitationChecker checker = checker(Duration.ofSeconds(60), "cl-wrong-token-0123456789", courtListener.baseUrl());

        // when
        CitationCheck refused = checker.check(BROWN);
        CitationCheck next = checker.check(MIRANDA);

        // then
        assertThat(refused).isEqualTo(CitationCheck.RECOGNIZED);
        assertThat(next).isEqualTo(CitationCheck.RECOGNIZED);
        assertThat(courtListener.requests()).hasSize(1);
        assertThat(output).contains("CourtListener refused the token (HTTP 401)", "COURTLISTENER_API_TOKEN");
        assertThat(output).doesNotContain("cl-wrong-token-0123456789");
    }

    @Test
    void aServerFailureLeavesTheStaticCheckAndPausesLookups(CapturedOutput output) {
        // given
        courtListener.failNextWith(500);
        CitationChecker checker = checker(Duration.ofSeconds(60));

        // when: a failure, a check during the pause, one after it
        CitationCheck failed = checker.check(BROWN);
        CitationCheck paused = checker.check(MIRANDA);
        clock.advance(CourtListenerLookup.FAILURE_PAUSE);
        CitationCheck resumed = checker.check(GIDEON);

        // then
        assertThat(List.of(failed, paused, resumed))
                .containsExactly(CitationCheck.RECOGNIZED, CitationCheck.RECOGNIZED, CitationCheck.VERIFIED);
        assertThat(courtListener.requests())
                .extracting(SeenRequest::citation)
                .containsExactly("347 U.S. 483", "372 U.S. 335");
        assertThat(cached("347 U.S. 483")).isNull();
        assertThat(output).contains("CourtListener lookup of 347 U.S. 483 failed (HTTP 500: A server error occurred.)");
        assertThat(output).doesNotContain(TOKEN);
    }

    @Test
    void anUnreachableServiceIsAFailureThatNamesNoToken(CapturedOutput output) throws Exception {
        // given a port nothing listens on
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        // when
        CitationCheck check = checker(Duration.ofSeconds(60), TOKEN, nowhere).check(BROWN);

        // then
        assertThat(check).isEqualTo(CitationCheck.RECOGNIZED);
        assertThat(output)
                .contains("CourtListener lookup of 347 U.S. 483 failed (")
                .doesNotContain(TOKEN);
    }

    @Test
    void citationsCourtListenerCannotKnowAreNotSent() {
        CitationChecker checker = checker(Duration.ofSeconds(60));

        assertThat(checker.check("Hadley v. Baxendale, 9 Exch. 341 (1854)")).isEqualTo(CitationCheck.RECOGNIZED);
        assertThat(checker.check("Donoghue v Stevenson [1932] AC 562 (HL)")).isEqualTo(CitationCheck.RECOGNIZED);
        assertThat(checker.check("Smith v. Jones, 12 Leg. Fict. 34 (2001)"))
                .isEqualTo(CitationCheck.UNRECOGNIZED_REPORTER);
        assertThat(checker.check("Smith v. Jones, 12 F.4th 345 (9th Cir. 1990)"))
                .isEqualTo(CitationCheck.DATE_OUT_OF_RANGE);
        assertThat(courtListener.requests()).isEmpty();
    }

    @Test
    void withoutATokenTheApplicationLooksNothingUp() {
        // the test context sets no legalgen.quality.court-listener.token (nor COURTLISTENER_API_TOKEN)
        assertThat(configuredLookup).isSameAs(CitationLookup.NONE);
    }

    private CitationChecker checker(Duration maxWait) {
        return checker(maxWait, TOKEN, courtListener.baseUrl());
    }

    private CitationChecker checker(Duration maxWait, String token, URI baseUrl) {
        CitationSettings.CourtListener settings =
                new CitationSettings.CourtListener(baseUrl, token, Duration.ofSeconds(5), maxWait);
        CourtListenerLookup lookup = new CourtListenerLookup(
                settings, ReporterTable.standard(), new LookupCache(jdbc, transactionManager), clock, clock);
        return new CitationChecker(ReporterTable.standard(), clock, lookup);
    }

    private String cached(String citation) {
        return jdbc
                .query(
                        "SELECT outcome FROM citation_lookup WHERE citation = ?",
                        (row, index) -> row.getString(1),
                        citation)
                .stream()
                .findFirst()
                .orElse(null);
    }
}
