package dev.legalgen.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One item's attempts on a route, acting on each failure's category (the {@link ErrorCategory.Action});
 * remembers the re-ask so that it happens once per item, whatever the route, and a budget enlarged after a
 * cut-off answer, so that no later attempt of the item repeats the request that was cut off.
 */
final class ItemCall<T> {
    private final String systemPrompt;
    private final String userPrompt;
    private final Function<Completion, T> validate;
    private final RouteCaller caller;
    private final BooleanSupplier cancelled;
    private boolean reasked;
    private boolean enlarged;
    private ProviderCallException lastFailure;
    private Route firstChoice;

    ItemCall(
            String systemPrompt,
            String userPrompt,
            Function<Completion, T> validate,
            RouteCaller caller,
            BooleanSupplier cancelled) {
        this.systemPrompt = systemPrompt;
        this.userPrompt = userPrompt;
        this.validate = validate;
        this.caller = caller;
        this.cancelled = cancelled;
    }

    /** Throws when this item does not go on: the run stopped or given up, or the item cancelled. */
    void checkRunning() {
        caller.checkRunning(cancelled);
    }

    /** Waits before any route may serve again. */
    void pause(Duration duration) {
        caller.pause(duration, cancelled);
    }

    ProviderCallException lastFailure() {
        return lastFailure;
    }

    /**
     * Tries {@code route}, waiting up to {@code maxQueueWait} for a slot in its provider's pace;
     * a longer wait comes back as a paced {@link RouteAttempt} for the caller to weigh.
     */
    RouteAttempt<T> on(Route route, Duration maxQueueWait) {
        ProviderChain.Member member = caller.members.get(route.provider());
        if (firstChoice == null) {
            firstChoice = route;
        }
        int retries = 0;
        int rateLimitWaits = 0;
        while (true) {
            if (caller.settings.fixedDelay().compareTo(Duration.ZERO) > 0
                    && !caller.pause(
                            route,
                            caller.settings.fixedDelay(),
                            cancelled)) { // the seed's policy: a fixed pause before every request
                return RouteAttempt.next(null, false);
            }
            if (!caller.breakers.tryAcquire(route)) {
                return RouteAttempt.next(caller.health.untilHalfOpen(route), false);
            }
            RequestOptions options = requestOptions(member, route);
            ProviderRateLimiter.Admission admission = caller.admit(
                    route,
                    systemPrompt.length() + userPrompt.length(),
                    options.maxCompletionTokens(),
                    maxQueueWait,
                    cancelled);
            if (admission == null) { // the route went out while this call queued for it
                caller.breakers.release(route);
                return RouteAttempt.next(null, false);
            }
            if (!admission.granted()) {
                caller.breakers.release(route);
                // our own pacing is a queue to wait in; a provider's block after a 429 is not
                return RouteAttempt.next(admission.waitTime(), !member.limiter().blocked());
            }
            WaitAborted.Reason learntMeanwhile = caller.abortReason(route, cancelled);
            if (learntMeanwhile != null) { // the last moment to spare the provider a call known to be pointless
                admission.permit().cancelled();
                caller.breakers.release(route);
                caller.raise(learntMeanwhile);
                return RouteAttempt.next(null, false);
            }
            Spending.Booking booking;
            try {
                booking = caller.book(
                        route,
                        TokenUsage.worstCase(
                                systemPrompt.length() + userPrompt.length(), options.maxCompletionTokens()));
            } catch (RunStoppedException budgetReached) {
                admission.permit().cancelled();
                caller.breakers.release(route);
                throw budgetReached;
            }
            Instant started = caller.clock.instant();
            Completion completion;
            try {
                completion = member.client().complete(route.model(), systemPrompt, userPrompt, options);
            } catch (ProviderCallException failure) {
                if (failure.billed() != null) {
                    caller.billed(booking, route, failure.billed());
                } else {
                    booking.unbilled();
                }
                Duration elapsed = Duration.between(started, caller.clock.instant());
                admission.permit().failed(failure);
                caller.health.failed(route, failure, elapsed);
                caller.tracker.failed(route, failure.category(), failure.getMessage());
                lastFailure = failure;
                switch (failure.category().action()) {
                    case RETRY -> {
                        if (retries++ < caller.settings.maxRetries()) {
                            Duration delay = caller.backoff.delay(retries, failure.retryAfter());
                            caller.tracker.retrying(
                                    route, failure.category(), "retry " + retries + " in " + Durations.format(delay));
                            if (!caller.pause(route, delay, cancelled)) {
                                return RouteAttempt.next(null, false); // the route went out meanwhile
                            }
                            continue; // same route, after backoff
                        }
                        return RouteAttempt.next(null, false); // retries used up: next route
                    }
                    case NEXT_MODEL -> {
                        caller.tracker.modelFailed(route, failure); // this model is out for the run
                        return RouteAttempt.next(null, false);
                    }
                    case DROP_PROVIDER -> {
                        caller.tracker.providerOut(route, failure); // no retries: the key or account must be fixed
                        return RouteAttempt.next(null, false);
                    }
                    case PACE -> {
                        Duration retryAfter =
                                failure.retryAfter() == null ? ProviderRateLimiter.DEFAULT_BLOCK : failure.retryAfter();
                        if (retryAfter.compareTo(caller.settings.maxRateLimitWait()) <= 0
                                && rateLimitWaits++ < caller.settings.maxRetries()) {
                            continue; // short reset: the limiter holds us until then
                        }
                        return RouteAttempt.next(retryAfter, false); // long reset: a route with headroom
                    }
                    case REASK -> {
                        if (reask(route, failure.category(), "re-asking once")) {
                            continue;
                        }
                        throw failure;
                    }
                    case REASK_LARGER -> {
                        String larger = "re-asking once with "
                                + options.enlarged().budget() + " (was " + options.budget() + ")";
                        if (reask(route, failure.category(), larger)) {
                            enlarged = true;
                            continue;
                        }
                        throw failure;
                    }
                    case ASK_WITHOUT_SCHEMA -> {
                        if (options.structuredOutput() != StructuredOutput.JSON_SCHEMA) {
                            throw failure; // a refusal of JSON mode itself: no format left to fall back to
                        }
                        caller.structuredOutputs.refused(route, failure);
                        continue; // the same route at once: it serves, only not with a schema
                    }
                    case SKIP_ITEM -> throw failure; // the request itself is wrong: no route will take it
                }
                throw new IllegalStateException(
                        "unhandled action " + failure.category().action());
            }
            caller.billed(booking, route, completion.bill());
            admission.permit().succeeded(completion.totalTokens());
            caller.breakers.onSuccess(route, Duration.between(started, caller.clock.instant()));
            try {
                T value = validate.apply(completion);
                caller.tracker.succeeded(completion, firstChoice);
                return RouteAttempt.success(value);
            } catch (InvalidOutputException invalid) {
                caller.tracker.failed(route, ErrorCategory.INVALID_OUTPUT, invalid.getMessage());
                if (reask(route, ErrorCategory.INVALID_OUTPUT, "re-asking once")) {
                    continue;
                }
                throw ProviderCallException.invalidOutput(
                        route, route + " returned unusable content twice: " + invalid.getMessage(), invalid);
            }
        }
    }

    /** The model's options as this run has them (json_object once it refused a schema), enlarged for this item. */
    private RequestOptions requestOptions(ProviderChain.Member member, Route route) {
        RequestOptions options =
                caller.structuredOutputs.adapt(route, member.client().requestOptions(route.model()));
        return enlarged ? options.enlarged() : options;
    }

    private boolean reask(Route route, ErrorCategory category, String how) {
        if (reasked) {
            return false;
        }
        reasked = true;
        caller.tracker.retrying(route, category, how);
        return true;
    }

    /**
     * The outcome of trying one route: a value, or "move on" with the time after which it may work
     * again, {@code paced} when that time is only the provider's pace (a queue, not a fault).
     */
    record RouteAttempt<T>(boolean done, T value, Duration retryIn, boolean paced) {
        static <T> RouteAttempt<T> success(T value) {
            return new RouteAttempt<>(true, value, null, false);
        }

        static <T> RouteAttempt<T> next(Duration wait, boolean paced) {
            return new RouteAttempt<>(false, null, wait, paced);
        }
    }
}
