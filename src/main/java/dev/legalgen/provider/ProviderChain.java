package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Produces a validated completion for a prompt from the first route that can serve it, acting on each
 * failure's category: retry transient failures with backoff, skip unavailable models, drop providers
 * with key or account problems, pace rate limits, re-ask once on invalid output, give up bad items.
 * Which route a call tries first is the {@link RouteSelector}'s choice ({@link Routing}).
 * Thread-safe; one instance serves all concurrent callers of a run.
 */
public final class ProviderChain {

    /** One provider of the chain: its client, its rate limiter and its share of weighted routing. */
    public record Member(ChatClient client, ProviderRateLimiter limiter, int weight) {
        public Member {
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1, was " + weight);
            }
        }

        /** Weight 1. */
        public Member(ChatClient client, ProviderRateLimiter limiter) {
            this(client, limiter, 1);
        }
    }

    /** How long a call may queue at its provider's pace, e.g. 40 calls behind a 30-per-minute provider. */
    private static final Duration QUEUE_WAIT = Duration.ofHours(1);

    private final List<Route> routes;
    private final Map<String, Member> members;
    private final ChainPolicy settings;
    private final Clock clock;
    private final ChainTracker tracker;
    private final RouteHealth health;
    private final RouteSelector selector;
    private final RouteCaller caller;

    /** A chain of its own: the routes it finds out are its alone. */
    public ProviderChain(
            List<Route> routes,
            Map<String, Member> members,
            ChainPolicy settings,
            Clock clock,
            Sleeper sleeper,
            DoubleSupplier random,
            ChainEventListener listener) {
        this(routes, members, settings, clock, sleeper, random, listener, new RouteOutages());
    }

    /** A chain that shares what it finds out about routes with every other chain given {@code outages}. */
    public ProviderChain(
            List<Route> routes,
            Map<String, Member> members,
            ChainPolicy settings,
            Clock clock,
            Sleeper sleeper,
            DoubleSupplier random,
            ChainEventListener listener,
            RouteOutages outages) {
        this(routes, members, settings, clock, sleeper, random, listener, outages, Spending.UNLIMITED);
    }

    /** As above, booking every call with the run's {@code spending} (its budget and its record of what was billed). */
    public ProviderChain(
            List<Route> routes,
            Map<String, Member> members,
            ChainPolicy settings,
            Clock clock,
            Sleeper sleeper,
            DoubleSupplier random,
            ChainEventListener listener,
            RouteOutages outages,
            Spending spending) {
        this.routes = List.copyOf(routes);
        this.members = Map.copyOf(members);
        this.settings = settings;
        this.clock = clock;
        this.tracker = new ChainTracker(clock, listener, outages, this.members.keySet());
        this.health = new RouteHealth(this.routes, tracker, settings.breaker(), clock);
        for (Route route : this.routes) {
            if (!this.members.containsKey(route.provider())) {
                throw new IllegalArgumentException("route " + route + " has no provider member");
            }
        }
        this.selector = new RouteSelector(settings.routing(), this.routes, this.members, health::isUsable, random);
        this.caller = new RouteCaller(
                this.members,
                health,
                tracker,
                settings,
                new Backoff(settings.initialBackoff(), settings.maxBackoff(), random),
                clock,
                sleeper,
                spending);
    }

    /** The real thing: one HTTP client and rate limiter per provider named by {@code chainSpec}. */
    public static ProviderChain create(
            ProvidersProperties properties,
            String chainSpec,
            ChainPolicy settings,
            Clock clock,
            ChainEventListener listener) {
        return create(properties, chainSpec, settings, clock, Sleeper.SYSTEM, listener);
    }

    /** As above, waiting with {@code sleeper}: tests run the clock faster than real time. */
    public static ProviderChain create(
            ProvidersProperties properties,
            String chainSpec,
            ChainPolicy settings,
            Clock clock,
            Sleeper sleeper,
            ChainEventListener listener) {
        return create(
                properties,
                chainSpec,
                settings,
                clock,
                sleeper,
                (name, provider) -> new ProviderRateLimiter(name, provider, clock, sleeper),
                listener,
                new RouteOutages(),
                Spending.UNLIMITED);
    }

    /**
     * The real thing, with the rate limiter of each provider taken from {@code limiters} (a process running
     * several chains at once must give them the same limiter per provider, or together they would go past its
     * limits), sharing the routes found out with every chain given the same {@code outages}, booking its calls with
     * {@code spending}.
     */
    public static ProviderChain create(
            ProvidersProperties properties,
            String chainSpec,
            ChainPolicy settings,
            Clock clock,
            Sleeper sleeper,
            BiFunction<String, ProviderSettings, ProviderRateLimiter> limiters,
            ChainEventListener listener,
            RouteOutages outages,
            Spending spending) {
        ChainSpec spec = ChainSpec.parse(chainSpec, properties.providers());
        Map<String, Member> members = new LinkedHashMap<>();
        for (Route route : spec.routes()) {
            members.computeIfAbsent(route.provider(), name -> {
                ProviderSettings provider = properties.providers().get(name);
                ProviderRateLimiter limiter = limiters.apply(name, provider);
                OpenAiCompatibleClient client = new OpenAiCompatibleClient(
                        name, provider, (route1, status, headers) -> limiter.onHeaders(headers), clock);
                return new Member(client, limiter, provider.routingWeight());
            });
        }
        return new ProviderChain(
                spec.routes(),
                members,
                settings,
                clock,
                sleeper,
                () -> ThreadLocalRandom.current().nextDouble(),
                listener,
                outages,
                spending);
    }

    public List<Route> routes() {
        return routes;
    }

    public ChainState state() {
        return tracker.snapshot();
    }

    /**
     * Asks each provider for its models before the first call (see {@link Preflight}); a run whose budget is spent
     * already stops instead ({@link RunStoppedException}).
     * @throws ProviderCallException (no route left) naming every route and why it is out, when none is left
     */
    public void preflight() {
        String refusal = caller.spending().refusal();
        if (refusal != null) { // a budget spent by earlier executions: not even the model lists are asked for
            requestStop();
            throw new RunStoppedException(refusal);
        }
        ProviderCallException lastDrop = new Preflight(routes, members, caller.tracker).run();
        if (!health.anyRouteLeft()) {
            throw caller.giveUp(health.exhausted(lastDrop, null));
        }
    }

    /**
     * The run was asked to stop: every wait ends and no new call starts; the items waiting end with
     * {@link RunStoppedException}, the calls already in flight finish.
     */
    public void requestStop() {
        caller.requestStop();
    }

    /** Why the run's spending refuses further calls ("budget reached: …"), null while it does not. */
    public String spendingRefusal() {
        return caller.spending().refusal();
    }

    /**
     * From now on, what this chain finds out about its routes (a provider or model out, a breaker opened by its
     * failures) goes to {@code sink} too, on the thread that found it, for the other processes of the run.
     */
    public void shareRouteNews(Consumer<RouteNews> sink) {
        tracker.shareNews(sink);
    }

    /** Another process of the run found this out: the chain acts on it as if it had, without telling it again. */
    public void learn(RouteNews news) {
        if (news.kind() == RouteNews.Kind.BREAKER_OPEN) {
            health.learnOpen(news.route(), news.why());
        } else {
            tracker.learn(news);
        }
    }

    /** Each route's circuit breaker now, in chain order (for health displays). */
    public Map<Route, RouteCircuitBreakers.State> breakerStates() {
        Map<Route, RouteCircuitBreakers.State> states = new LinkedHashMap<>();
        for (Route route : routes) {
            states.put(route, health.breakers().state(route));
        }
        return states;
    }

    /** Each provider's rate limiter, in chain order (for displays of their headroom). */
    public Map<String, ProviderRateLimiter> limiters() {
        Map<String, ProviderRateLimiter> limiters = new LinkedHashMap<>();
        members.forEach((name, member) -> limiters.put(name, member.limiter()));
        return limiters;
    }

    /**
     * A completion accepted by {@code validate} (which throws {@link InvalidOutputException} to reject it).
     * Throws {@link ProviderCallException}: item-level (give up this item) or {@link
     * ProviderCallException#noRouteLeft()}
     * when no route is left.
     */
    public <T> T generate(String systemPrompt, String userPrompt, Function<Completion, T> validate) {
        return generate(systemPrompt, userPrompt, validate, () -> false);
    }

    /**
     * As above, for an item that its caller may give up: once {@code cancelled}, its waits end and it calls no more.
     */
    public <T> T generate(
            String systemPrompt, String userPrompt, Function<Completion, T> validate, BooleanSupplier cancelled) {
        ItemCall<T> call = new ItemCall<>(systemPrompt, userPrompt, validate, caller, cancelled);
        Instant deadline = clock.instant().plus(settings.maxPacingWait());
        int promptChars = systemPrompt.length() + userPrompt.length();
        while (true) {
            call.checkRunning();
            Duration soonest = null;
            Route paced = null;
            Duration pacedIn = null;
            for (Route route : selector.order(promptChars)) {
                if (health.isOut(route)) {
                    continue;
                }
                ItemCall.RouteAttempt<T> attempt = call.on(route, settings.maxRateLimitWait());
                if (attempt.done()) {
                    return attempt.value();
                }
                if (attempt.paced() && (pacedIn == null || attempt.retryIn().compareTo(pacedIn) < 0)) {
                    paced = route;
                    pacedIn = attempt.retryIn();
                } else if (!attempt.paced() && attempt.retryIn() != null) {
                    soonest = soonest == null || attempt.retryIn().compareTo(soonest) < 0 ? attempt.retryIn() : soonest;
                }
            }
            if (paced != null) {
                // Every usable route is only busy at its provider's pace: queue for the soonest one.
                // The providers set the pace of the run; waiting for it is never a failure.
                ItemCall.RouteAttempt<T> attempt = call.on(paced, QUEUE_WAIT);
                if (attempt.done()) {
                    return attempt.value();
                }
                continue;
            }
            if (soonest == null && call.lastFailure() != null && health.anyRouteLeft()) {
                throw call.lastFailure(); // this item used up its retries; the routes still work for others
            }
            if (soonest == null || clock.instant().plus(soonest).isAfter(deadline)) {
                // no route for this item means none for any: every other caller ends with the same answer
                throw caller.giveUp(health.exhausted(call.lastFailure(), soonest));
            }
            call.pause(soonest);
        }
    }
}
