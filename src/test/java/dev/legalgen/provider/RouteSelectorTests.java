package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.testsupport.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RouteSelectorTests {

    private static final Route ALPHA_LARGE = new Route("alpha", "alpha-large");
    private static final Route ALPHA_SMALL = new Route("alpha", "alpha-small");
    private static final Route BETA_LARGE = new Route("beta", "beta-large");
    private static final List<Route> ROUTES = List.of(ALPHA_LARGE, ALPHA_SMALL, BETA_LARGE);

    private final TestClock clock = TestClock.manual();
    private final AtomicReference<Double> random = new AtomicReference<>(0.0);
    private final Map<String, ProviderChain.Member> members = new LinkedHashMap<>();

    @Test
    void priorityKeepsChainOrderWhateverTheHeadroom() {
        // given: alpha, first in the chain, has no headroom left
        members("alpha", 1, 1, "beta", 0, 3);
        exhaust("alpha");

        // when
        List<Route> order = selector(Routing.PRIORITY, Set.of()).order(0);

        // then
        assertThat(order).containsExactly(ALPHA_LARGE, ALPHA_SMALL, BETA_LARGE);
    }

    @Test
    void weightedPicksByWeightAmongProvidersWithHeadroomThenTheOthersInChainOrder() {
        // given: both have headroom; alpha has a quarter of the weight
        members("alpha", 0, 1, "beta", 0, 3);
        RouteSelector selector = selector(Routing.WEIGHTED, Set.of());

        // when: two draws, either side of alpha's share
        random.set(0.24); // below alpha's quarter of the weight
        List<Route> alphaFirst = selector.order(0);
        random.set(0.25);
        List<Route> betaFirst = selector.order(0);

        // then: the drawn provider's routes come first, the others follow in chain order
        assertThat(alphaFirst).containsExactly(ALPHA_LARGE, ALPHA_SMALL, BETA_LARGE);
        assertThat(betaFirst).containsExactly(BETA_LARGE, ALPHA_LARGE, ALPHA_SMALL);
    }

    @Test
    void weightDefaultsToRequestsPerMinute() {
        // when/then: else tokens per minute, else 1; an explicit weight wins
        assertThat(settings(60, 0, null).routingWeight()).isEqualTo(60);
        assertThat(settings(0, 6000, null).routingWeight()).isEqualTo(6000);
        assertThat(settings(0, 0, null).routingWeight()).isEqualTo(1);
        assertThat(settings(60, 6000, 7).routingWeight()).isEqualTo(7);
    }

    @Test
    void aProviderWithoutHeadroomIsNotPickedWhileAnotherHasSome() {
        // given: alpha holds nearly all the weight but has no headroom, and the draw would pick it
        members("alpha", 1, 100, "beta", 0, 1);
        exhaust("alpha");
        random.set(0.0);

        // when/then
        assertThat(selector(Routing.WEIGHTED, Set.of()).startProvider(0)).isEqualTo("beta");
    }

    @Test
    void whenNoneHasHeadroomTheOneThatFreesUpSoonestIsPicked() {
        // given: neither has headroom left
        members("alpha", 1, 1, "beta", 1, 1);
        exhaust("beta");
        clock.advance(Duration.ofSeconds(10));
        exhaust("alpha"); // alpha frees up 10 s after beta

        // when/then
        assertThat(selector(Routing.WEIGHTED, Set.of()).startProvider(0)).isEqualTo("beta");
    }

    @Test
    void providersWithNoUsableRouteAreLeftOut() {
        // given: alpha holds nearly all the weight, but none of its routes is usable
        members("alpha", 0, 1000, "beta", 0, 1);
        RouteSelector selector = selector(Routing.WEIGHTED, Set.of(ALPHA_LARGE, ALPHA_SMALL));

        // when/then
        assertThat(selector.startProvider(0)).isEqualTo("beta");
    }

    private RouteSelector selector(Routing routing, Set<Route> unusable) {
        return new RouteSelector(routing, ROUTES, members, route -> !unusable.contains(route), random::get);
    }

    private void members(String first, int firstRpm, int firstWeight, String second, int secondRpm, int secondWeight) {
        members.put(first, member(first, firstRpm, firstWeight));
        members.put(second, member(second, secondRpm, secondWeight));
    }

    private ProviderChain.Member member(String name, int rpm, int weight) {
        return new ProviderChain.Member(
                (model, system, user, options) -> null,
                new ProviderRateLimiter(name, settings(rpm, 0, null), clock, clock),
                weight);
    }

    private void exhaust(String provider) {
        while (members.get(provider).limiter().tryAcquire(0).granted()) {
            // take every slot of the window
        }
    }

    private static ProviderSettings settings(int rpm, int tpm, Integer weight) {
        return new ProviderSettings(
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
                weight,
                Map.of(),
                null,
                null);
    }
}
