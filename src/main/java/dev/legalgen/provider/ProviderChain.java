package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Produces a validated completion for a prompt from the first route that can serve it, acting on each
 * failure's category: retry transient failures with backoff, skip unavailable models, drop providers
 * with key or account problems, pace rate limits, re-ask once on invalid output, give up bad items.
 * Thread-safe; one instance serves all concurrent callers of a run.
 */
public final class ProviderChain {

    /** Chain policy; {@link #DEFAULT} suits the free tiers. */
    public record Settings(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRateLimitWait,
            Duration maxPacingWait, RouteCircuitBreakers.Settings breaker) {
        public static final Settings DEFAULT = new Settings(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(5),
                Duration.ofSeconds(60), RouteCircuitBreakers.Settings.DEFAULT);
    }

    /** One provider of the chain: its client and its rate limiter. */
    public record Member(ChatClient client, ProviderRateLimiter limiter) {}

    private final List<Route> routes;
    private final Map<String, Member> members;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final ChainTracker tracker;
    private final RouteCircuitBreakers breakers;
    private final Map<Route, Instant> openedAt = new ConcurrentHashMap<>();

    public ProviderChain(List<Route> routes, Map<String, Member> members, Settings settings, Clock clock, Sleeper sleeper,
            DoubleSupplier random, ChainEventListener listener) {
        this.routes = List.copyOf(routes);
        this.members = Map.copyOf(members);
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), random);
        this.tracker = new ChainTracker(clock, listener);
        this.breakers = new RouteCircuitBreakers(settings.breaker(), clock, this::onTransition);
        for (Route route : this.routes) {
            if (!this.members.containsKey(route.provider())) {
                throw new IllegalArgumentException("route " + route + " has no provider member");
            }
        }
    }

    /** The real thing: one HTTP client and rate limiter per provider named by {@code chainSpec}. */
    public static ProviderChain create(ProvidersProperties properties, String chainSpec, Settings settings, Clock clock,
            ChainEventListener listener) {
        ChainSpec spec = ChainSpec.parse(chainSpec, properties.providers());
        Map<String, Member> members = new LinkedHashMap<>();
        for (Route route : spec.routes()) {
            members.computeIfAbsent(route.provider(), name -> {
                ProviderSettings provider = properties.providers().get(name);
                ProviderRateLimiter limiter = new ProviderRateLimiter(name, provider, clock, Sleeper.SYSTEM);
                OpenAiCompatibleClient client = new OpenAiCompatibleClient(name, provider, (route1, status, headers) -> limiter.onHeaders(headers), clock);
                return new Member(client, limiter);
            });
        }
        return new ProviderChain(spec.routes(), members, settings, clock, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble(), listener);
    }

    public List<Route> routes() {
        return routes;
    }

    public ChainState state() {
        return tracker.snapshot();
    }

    /**
     * A completion accepted by {@code validate} (which throws {@link InvalidOutputException} to reject it).
     * Throws {@link ProviderCallException}: item-level (give up this item) or {@link ProviderCallException#isSystemic()}
     * when no route is left.
     */
    public <T> T generate(String systemPrompt, String userPrompt, Function<Completion, T> validate) {
        ItemCall<T> call = new ItemCall<>(systemPrompt, userPrompt, validate);
        Instant deadline = clock.instant().plus(settings.maxPacingWait());
        while (true) {
            Duration soonest = null;
            for (Route route : routes) {
                if (tracker.isUnavailable(route)) {
                    continue;
                }
                RouteAttempt<T> attempt = call.on(route);
                if (attempt.done()) {
                    return attempt.value();
                }
                soonest = attempt.retryIn() == null ? soonest : soonest == null || attempt.retryIn().compareTo(soonest) < 0 ? attempt.retryIn() : soonest;
            }
            if (soonest == null && call.lastFailure != null && anyRouteLeft()) {
                throw call.lastFailure; // this item used up its retries; the routes still work for others
            }
            if (soonest == null || clock.instant().plus(soonest).isAfter(deadline)) {
                throw exhausted(call.lastFailure, soonest);
            }
            pause(soonest);
        }
    }

    /** The outcome of trying one route: a value, or "move on" with the time after which it may work again. */
    private record RouteAttempt<T>(boolean done, T value, Duration retryIn) {
        static <T> RouteAttempt<T> success(T value) {
            return new RouteAttempt<>(true, value, null);
        }

        static <T> RouteAttempt<T> next(Duration wait) {
            return new RouteAttempt<>(false, null, wait);
        }
    }

    /** One item's attempts across routes; remembers the re-ask so it happens once per item. */
    private final class ItemCall<T> {
        private final String systemPrompt;
        private final String userPrompt;
        private final Function<Completion, T> validate;
        private boolean reasked;
        private ProviderCallException lastFailure;

        ItemCall(String systemPrompt, String userPrompt, Function<Completion, T> validate) {
            this.systemPrompt = systemPrompt;
            this.userPrompt = userPrompt;
            this.validate = validate;
        }

        RouteAttempt<T> on(Route route) {
            Member member = members.get(route.provider());
            int retries = 0;
            int rateLimitWaits = 0;
            while (true) {
                if (!breakers.tryAcquire(route)) {
                    return RouteAttempt.next(untilHalfOpen(route));
                }
                ProviderRateLimiter.Admission admission = admit(member, route, systemPrompt.length() + userPrompt.length());
                if (!admission.granted()) {
                    breakers.release(route);
                    return RouteAttempt.next(admission.waitTime());
                }
                Instant started = clock.instant();
                Completion completion;
                try {
                    completion = member.client().complete(route.model(), systemPrompt, userPrompt);
                } catch (ProviderCallException failure) {
                    Duration elapsed = Duration.between(started, clock.instant());
                    admission.permit().failed(failure);
                    breakers.onFailure(route, failure, elapsed);
                    tracker.failed(route, failure.category(), failure.getMessage());
                    lastFailure = failure;
                    switch (failure.category().action()) {
                        case RETRY -> {
                            if (retries++ < settings.maxRetries()) {
                                Duration delay = backoff.delay(retries, failure.retryAfter());
                                tracker.retrying(route, failure.category(), "retry " + retries + " in " + Durations.format(delay));
                                pause(delay);
                                continue; // same route, after backoff
                            }
                            return RouteAttempt.next(null); // retries used up: next route
                        }
                        case NEXT_MODEL -> {
                            tracker.modelFailed(route, failure); // this model is out for the run
                            return RouteAttempt.next(null);
                        }
                        case DROP_PROVIDER -> {
                            tracker.providerOut(route, failure); // no retries: the key or account must be fixed
                            return RouteAttempt.next(null);
                        }
                        case PACE -> {
                            Duration retryAfter = failure.retryAfter() == null ? ProviderRateLimiter.DEFAULT_BLOCK : failure.retryAfter();
                            if (retryAfter.compareTo(settings.maxRateLimitWait()) <= 0 && rateLimitWaits++ < settings.maxRetries()) {
                                continue; // short reset: the limiter holds us until then
                            }
                            return RouteAttempt.next(retryAfter); // long reset: a route with headroom
                        }
                        case REASK -> {
                            if (reask(route, failure.category())) {
                                continue;
                            }
                            throw failure;
                        }
                        case SKIP_ITEM -> throw failure; // the request itself is wrong: no route will take it
                    }
                    throw new IllegalStateException("unhandled action " + failure.category().action());
                }
                admission.permit().succeeded(completion.totalTokens());
                breakers.onSuccess(route, Duration.between(started, clock.instant()));
                try {
                    T value = validate.apply(completion);
                    tracker.succeeded(completion);
                    return RouteAttempt.success(value);
                } catch (InvalidOutputException invalid) {
                    tracker.failed(route, ErrorCategory.INVALID_OUTPUT, invalid.getMessage());
                    if (reask(route, ErrorCategory.INVALID_OUTPUT)) {
                        continue;
                    }
                    throw new ProviderCallException(route.provider(), route.model(), ErrorCategory.INVALID_OUTPUT, null, null, null, null,
                            route + " returned unusable content twice: " + invalid.getMessage(), invalid);
                }
            }
        }

        private boolean reask(Route route, ErrorCategory category) {
            if (reasked) {
                return false;
            }
            reasked = true;
            tracker.retrying(route, category, "re-asking once");
            return true;
        }
    }

    private ProviderRateLimiter.Admission admit(Member member, Route route, int promptChars) {
        try {
            return member.limiter().acquire(promptChars, settings.maxRateLimitWait());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ProviderCallException(route.provider(), route.model(), ErrorCategory.GENERAL, null, null, null, null,
                    "interrupted while waiting for " + route.provider() + "'s rate limit", interrupted);
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ProviderCallException(null, null, ErrorCategory.GENERAL, null, null, null, null, "interrupted while backing off", interrupted);
        }
    }

    private Duration untilHalfOpen(Route route) {
        Instant opened = openedAt.get(route);
        if (opened == null) {
            return settings.breaker().cooldown();
        }
        Duration left = Duration.between(clock.instant(), opened.plus(settings.breaker().cooldown())).plusMillis(1);
        return left.isNegative() ? Duration.ofMillis(1) : left;
    }

    private void onTransition(Route route, RouteCircuitBreakers.State from, RouteCircuitBreakers.State to) {
        if (to == RouteCircuitBreakers.State.OPEN) {
            openedAt.put(route, clock.instant());
        }
        tracker.breakerTransition(route, from, to);
    }

    private boolean anyRouteLeft() {
        for (Route route : routes) {
            if (!tracker.isUnavailable(route) && breakers.state(route) != RouteCircuitBreakers.State.OPEN) {
                return true;
            }
        }
        return false;
    }

    private ProviderCallException exhausted(ProviderCallException lastFailure, Duration soonest) {
        List<String> why = new ArrayList<>();
        for (Route route : routes) {
            String out = tracker.whyOut(route);
            why.add(route + " " + (out != null ? out : breakers.state(route) == RouteCircuitBreakers.State.OPEN ? "circuit open" : "rate limited"));
        }
        ErrorCategory category = lastFailure != null ? lastFailure.category() : soonest != null ? ErrorCategory.RATE_LIMIT : ErrorCategory.GENERAL;
        String wait = soonest == null ? "" : " (earliest retry in " + Durations.format(soonest) + ")";
        return ProviderCallException.systemic(category, "no provider route left" + wait + ": " + String.join("; ", why)
                + ". Fix the keys/models named above in legalgen.providers.*, or change the chain", lastFailure);
    }
}
