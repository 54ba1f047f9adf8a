package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * What every item's attempts share: the providers, the routes' health, the run's tracker, the policy and
 * time; and whether the run still goes on. Once the run is asked to stop or the chain has given up,
 * every wait ends and no new call starts, so a run without routes fails once instead of item by item.
 */
final class RouteCaller {

    final Map<String, ProviderChain.Member> members;
    final RouteHealth health;
    final RouteCircuitBreakers breakers;
    final ChainTracker tracker;
    final ChainPolicy settings;
    final Backoff backoff;
    final Clock clock;
    final StructuredOutputs structuredOutputs;
    private final Spending spending;
    private final ChainWaits waits;
    private volatile boolean stopRequested;
    private final AtomicReference<ProviderCallException> gaveUp = new AtomicReference<>();

    RouteCaller(
            Map<String, ProviderChain.Member> members,
            RouteHealth health,
            ChainTracker tracker,
            ChainPolicy settings,
            Backoff backoff,
            Clock clock,
            Sleeper sleeper,
            Spending spending) {
        this.members = members;
        this.spending = spending;
        this.health = health;
        this.breakers = health.breakers();
        this.tracker = tracker;
        this.settings = settings;
        this.backoff = backoff;
        this.clock = clock;
        this.structuredOutputs = new StructuredOutputs(tracker);
        this.waits = new ChainWaits(sleeper, clock);
    }

    /** Ends every wait of the run and lets no new call start. */
    void requestStop() {
        stopRequested = true;
    }

    /**
     * Books a call with the run's spending; when the budget refuses it, the run stops (every other item's wait ends
     * too) and this item ends with {@link RunStoppedException} saying why.
     */
    Spending.Booking book(Route route, TokenUsage worstCase) {
        Spending.Booking booking = spending.book(route, worstCase);
        if (booking == null) {
            requestStop();
            throw new RunStoppedException(spending.refusal());
        }
        return booking;
    }

    /** Settles a booked call with what the provider billed, and tells the run's listeners. */
    void billed(Spending.Booking booking, Route route, Bill bill) {
        booking.billed(bill);
        tracker.billed(route, bill);
    }

    /** The run's spending, for a stop before any call (a budget used up by earlier executions). */
    Spending spending() {
        return spending;
    }

    /** The chain has no route for anyone: {@code failure} is every later caller's answer too. Returns the first. */
    ProviderCallException giveUp(ProviderCallException failure) {
        gaveUp.compareAndSet(null, failure);
        return gaveUp.get();
    }

    /** Throws when this item does not go on: the run stopped or given up, or the item cancelled. */
    void checkRunning(BooleanSupplier cancelled) {
        raise(abortReason(null, cancelled));
    }

    /** Why a wait for {@code route} (null: for any route) should end now; null to keep waiting. */
    WaitAborted.Reason abortReason(Route route, BooleanSupplier cancelled) {
        if (stopRequested) {
            return WaitAborted.Reason.STOP_REQUESTED;
        }
        if (gaveUp.get() != null) {
            return WaitAborted.Reason.CHAIN_GAVE_UP;
        }
        if (cancelled.getAsBoolean()) {
            return WaitAborted.Reason.ITEM_CANCELLED;
        }
        return route != null && health.isOut(route) ? WaitAborted.Reason.ROUTE_OUT : null;
    }

    /** Throws what ends this item for a reason beyond its route; returns for none or the route's own. */
    void raise(WaitAborted.Reason reason) {
        if (reason == WaitAborted.Reason.STOP_REQUESTED) {
            throw new RunStoppedException();
        }
        if (reason == WaitAborted.Reason.CHAIN_GAVE_UP) {
            throw gaveUp.get();
        }
        if (reason == WaitAborted.Reason.ITEM_CANCELLED) {
            throw new CancellationException("the item was given up by its caller while it waited");
        }
    }

    /**
     * A permit from the provider's limiter for a prompt and a completion budget, waiting up to {@code maxWait} for
     * its slot; null when the route went out while waiting.
     */
    ProviderRateLimiter.Admission admit(
            Route route, int promptChars, int completionBudget, Duration maxWait, BooleanSupplier cancelled) {
        try {
            return members.get(route.provider())
                    .limiter()
                    .acquire(promptChars, completionBudget, maxWait, waitsFor(route, cancelled));
        } catch (WaitAborted aborted) {
            raise(aborted.reason());
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ProviderCallException.interrupted(
                    route, "interrupted while waiting for " + route.provider() + "'s rate limit", interrupted);
        }
    }

    /** Waits before trying {@code route} again; false when the route went out meanwhile. */
    boolean pause(Route route, Duration duration, BooleanSupplier cancelled) {
        return sleep(waitsFor(route, cancelled), duration);
    }

    /** Waits before any route may serve again. */
    void pause(Duration duration, BooleanSupplier cancelled) {
        sleep(waitsFor(null, cancelled), duration);
    }

    private Sleeper waitsFor(Route route, BooleanSupplier cancelled) {
        return waits.abortingOn(() -> abortReason(route, cancelled));
    }

    private boolean sleep(Sleeper sleeper, Duration duration) {
        try {
            sleeper.sleep(duration);
            return true;
        } catch (WaitAborted aborted) {
            raise(aborted.reason());
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ProviderCallException.interrupted(null, "interrupted while backing off", interrupted);
        }
    }
}
