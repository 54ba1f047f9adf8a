package dev.legalgen.provider;

import dev.legalgen.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RouteCircuitBreakersTests {

    private static final Route ROUTE = new Route("groq", "openai/gpt-oss-20b");
    private final TestClock clock = TestClock.manual();
    private final List<String> transitions = new CopyOnWriteArrayList<>();
    private final RouteCircuitBreakers breakers = new RouteCircuitBreakers(
            RouteCircuitBreakers.Settings.DEFAULT, clock, (route, from, to) -> transitions.add(route + " " + from + "->" + to));

    @Test
    void routeToStringIsProviderColonModel() {
        assertThat(ROUTE).hasToString("groq:openai/gpt-oss-20b");
    }

    @Test
    void opensAfterThreeConsecutiveTransientFailures() {
        fail(ErrorCategory.SERVER_ERROR);
        fail(ErrorCategory.TIMEOUT);
        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.CLOSED);

        fail(ErrorCategory.CONNECTION_ERROR);

        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.OPEN);
        assertThat(breakers.tryAcquire(ROUTE)).isFalse();
        assertThat(transitions).containsExactly("groq:openai/gpt-oss-20b CLOSED->OPEN");
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        fail(ErrorCategory.SERVER_ERROR);
        fail(ErrorCategory.SERVER_ERROR);
        succeed();
        fail(ErrorCategory.GENERAL);
        fail(ErrorCategory.GENERAL);

        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.CLOSED);
    }

    @Test
    void rateLimitsAndItemLevelFailuresNeverTripTheBreaker() {
        for (ErrorCategory category : List.of(ErrorCategory.RATE_LIMIT, ErrorCategory.BAD_REQUEST, ErrorCategory.INVALID_OUTPUT,
                ErrorCategory.REQUEST_TOO_LARGE, ErrorCategory.RATE_LIMIT, ErrorCategory.RATE_LIMIT)) {
            fail(category);
        }

        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.CLOSED);
        assertThat(transitions).isEmpty();
    }

    @Test
    void halfOpensAfterTheCooldownForOneTrialThenClosesOnSuccess() {
        openIt();
        clock.advance(Duration.ofSeconds(29));
        assertThat(breakers.tryAcquire(ROUTE)).isFalse();

        clock.advance(Duration.ofMillis(1001)); // resilience4j half-opens strictly after the cooldown

        assertThat(breakers.tryAcquire(ROUTE)).as("the trial call").isTrue();
        assertThat(breakers.tryAcquire(ROUTE)).as("a second caller during the trial").isFalse();
        breakers.onSuccess(ROUTE, Duration.ofMillis(10));
        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.CLOSED);
        assertThat(transitions).containsExactly(
                "groq:openai/gpt-oss-20b CLOSED->OPEN", "groq:openai/gpt-oss-20b OPEN->HALF_OPEN", "groq:openai/gpt-oss-20b HALF_OPEN->CLOSED");
    }

    @Test
    void aFailedTrialReopens() {
        openIt();
        clock.advance(Duration.ofMillis(30_001));
        assertThat(breakers.tryAcquire(ROUTE)).isTrue();

        breakers.onFailure(ROUTE, failure(ErrorCategory.TIMEOUT), Duration.ofSeconds(30));

        assertThat(breakers.state(ROUTE)).isEqualTo(RouteCircuitBreakers.State.OPEN);
    }

    @Test
    void routesHaveIndependentBreakers() {
        openIt();

        assertThat(breakers.tryAcquire(new Route("groq", "openai/gpt-oss-120b"))).isTrue();
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
        return new ProviderCallException("groq", "openai/gpt-oss-20b", category, null, null, null, null, category.label(), null);
    }
}
