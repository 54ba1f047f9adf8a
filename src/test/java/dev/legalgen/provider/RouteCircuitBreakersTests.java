package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.testsupport.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RouteCircuitBreakersTests {

    private static final Route ROUTE = new Route("groq", "openai/gpt-oss-20b");
    private final TestClock clock = TestClock.manual();
    private final List<String> transitions = new CopyOnWriteArrayList<>();
    private final RouteCircuitBreakers breakers = new RouteCircuitBreakers(
            RouteCircuitBreakers.Settings.DEFAULT,
            clock,
            (route, from, to) -> transitions.add(route + " " + from + "->" + to));

    @Test
    void routeToStringIsProviderColonModel() {
        assertThat(ROUTE).hasToString("groq:openai/gpt-oss-20b");
    }

    @Test
    void opensAfterThreeConsecutiveTransientFailures() {
        // when: two transient failures in a row
        fail(ErrorCategory.SERVER_ERROR);
        fail(ErrorCategory.TIMEOUT);

        // then: still closed
        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.CLOSED);

        // when: a third
        fail(ErrorCategory.CONNECTION_ERROR);

        // then: open, refusing calls, and the transition reported once
        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.OPEN);
        assertThat(breakers.tryAcquire(ROUTE)).isFalse();
        assertThat(transitions).containsExactly("groq:openai/gpt-oss-20b CLOSED->OPEN");
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        // given: two failures, then a success
        fail(ErrorCategory.SERVER_ERROR);
        fail(ErrorCategory.SERVER_ERROR);
        succeed();

        // when: two more failures
        fail(ErrorCategory.GENERAL);
        fail(ErrorCategory.GENERAL);

        // then
        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.CLOSED);
    }

    @Test
    void rateLimitsAndItemLevelFailuresNeverTripTheBreaker() {
        // when: six such failures in a row
        for (ErrorCategory category : List.of(
                ErrorCategory.RATE_LIMIT,
                ErrorCategory.BAD_REQUEST,
                ErrorCategory.INVALID_OUTPUT,
                ErrorCategory.REQUEST_TOO_LARGE,
                ErrorCategory.RATE_LIMIT,
                ErrorCategory.RATE_LIMIT)) {
            fail(category);
        }

        // then
        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.CLOSED);
        assertThat(transitions).isEmpty();
    }

    @Test
    void halfOpensAfterTheCooldownForOneTrialThenClosesOnSuccess() {
        // given: an open breaker
        openIt();

        // when: 29 s of its 30 s cooldown have passed
        clock.advance(Duration.ofSeconds(29));

        // then: still refusing calls
        assertThat(breakers.tryAcquire(ROUTE)).isFalse();

        // when: the cooldown is over
        clock.advance(Duration.ofMillis(1001)); // resilience4j half-opens strictly after the cooldown

        // then: one trial call is let through, no other
        assertThat(breakers.tryAcquire(ROUTE)).as("the trial call").isTrue();
        assertThat(breakers.tryAcquire(ROUTE))
                .as("a second caller during the trial")
                .isFalse();

        // when: the trial succeeds
        breakers.onSuccess(ROUTE, Duration.ofMillis(10));

        // then: closed again, every transition reported
        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.CLOSED);
        assertThat(transitions)
                .containsExactly(
                        "groq:openai/gpt-oss-20b CLOSED->OPEN",
                        "groq:openai/gpt-oss-20b OPEN->HALF_OPEN",
                        "groq:openai/gpt-oss-20b HALF_OPEN->CLOSED");
    }

    @Test
    void aFailedTrialReopens() {
        // given: an open breaker past its cooldown, letting a trial call through
        openIt();
        clock.advance(Duration.ofMillis(30_001));
        assertThat(breakers.tryAcquire(ROUTE)).isTrue();

        // when: the trial fails
        breakers.onFailure(ROUTE, failure(ErrorCategory.TIMEOUT), Duration.ofSeconds(30));

        // then
        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.OPEN);
    }

    @Test
    void routesHaveIndependentBreakers() {
        // given: one model's breaker is open
        openIt();

        // when/then: another model of the same provider still takes calls
        assertThat(breakers.tryAcquire(new Route("groq", "openai/gpt-oss-120b")))
                .isTrue();
    }

    private void openIt() {
        fail(ErrorCategory.SERVER_ERROR);
        fail(ErrorCategory.SERVER_ERROR);
        fail(ErrorCategory.SERVER_ERROR);
    }

    private void succeed() {
        assertThat(breakers.tryAcquire(ROUTE)).isTrue();
        breakers.onSuccess(ROUTE, Duration.ofMillis(10));
    }

    private void fail(ErrorCategory category) {
        assertThat(breakers.tryAcquire(ROUTE)).isTrue();
        breakers.onFailure(ROUTE, failure(category), Duration.ofMillis(10));
    }

    private static ProviderCallException failure(ErrorCategory category) {
        return new ProviderCallException(
                "groq", "openai/gpt-oss-20b", category, null, null, null, null, category.label(), null);
    }
}
