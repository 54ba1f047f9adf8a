package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One limit (e.g. requests per minute) as a rolling window: never more than the capacity in any
 * {@code period}, so it holds whether the provider counts in fixed clock-aligned windows, sliding
 * windows or a token bucket (a refilling bucket of the same capacity would allow twice the limit
 * across a fixed window's boundary). A use counts from its reservation until a period after the
 * call ended, as the provider counted it somewhere in between. Uses may be reserved at a future
 * instant, in order, so that waiting callers queue instead of racing. Uses reserved within a
 * 600th of the period share one slot, so memory and work stay bounded (about 600 slots) however
 * high the limit, e.g. a per-day limit learnt from headers. Not thread-safe: the owning limiter
 * synchronises.
 */
final class LimitWindow {

    private static final int SLOTS_PER_PERIOD = 600;
    /** Requests per minute are spread evenly, one every minute / limit, as the paced ideal. */
    static final String REQUESTS_PER_MINUTE = "requests per minute";

    /** Uses reserved close together; counted until the latest of them expires. */
    private static final class Slot {
        private final long at;
        private long amount;
        private long expiresAt;

        private Slot(long at, long expiresAt) {
            this.at = at;
            this.expiresAt = expiresAt;
        }
    }

    /** One reservation; its amount is corrected, and its slot's expiry pushed back, when the call ends. */
    static final class Use {
        private final Slot slot;
        private long amount;

        private Use(Slot slot, long amount) {
            this.slot = slot;
            this.amount = amount;
        }
    }

    private final String name;
    private final long capacity;
    private final long periodNanos;
    private final Clock clock;
    private final long slotNanos;
    /**
     * Even spacing, for requests per minute: 40 callers behind a 60-per-minute limit then leave one
     * a second, at the provider's pace, instead of 60 at once and none for a minute, which a provider
     * enforcing a smoother bucket would answer with 429s. Tokens and days keep the rolling window
     * alone: token reservations are estimates corrected after the call, and a day's budget may burst.
     */
    private final long spacingNanos;
    private long nextFree = Long.MIN_VALUE;
    private final Deque<Slot> slots = new ArrayDeque<>(); // ordered by time: reservations are appended
    private long used;
    private long serverHeld; // what the server says is used beyond our own log, until serverHeldUntil
    private long serverHeldUntil = Long.MIN_VALUE;

    LimitWindow(String name, long capacity, Duration period, Clock clock) {
        this.name = name;
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
        this.slotNanos = Math.max(1, periodNanos / SLOTS_PER_PERIOD);
        this.spacingNanos = REQUESTS_PER_MINUTE.equals(name) ? periodNanos / Math.max(1, capacity) : 0;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    long cap(long amount) {
        return Math.min(amount, capacity); // one oversized request must not wait forever
    }

    /** Nanos from now until {@code amount} fits, after the uses already reserved; 0 when it fits now. */
    long waitFor(long amount) {
        return Math.max(0, earliest(cap(amount)) - now());
    }

    /** Reserves {@code amount} at {@code nanosFromNow} (from {@link #waitFor}); settle it with {@link #settle}. */
    Use reserve(long amount, long nanosFromNow) {
        Slot last = slots.peekLast();
        long at = Math.max(Math.max(now() + nanosFromNow, nextFree), last == null ? Long.MIN_VALUE : last.at);
        if (spacingNanos > 0) {
            nextFree = at + spacingNanos * cap(amount);
        }
        Slot slot = last;
        if (last == null || at - last.at >= slotNanos) {
            slot = new Slot(at, at + periodNanos);
            slots.addLast(slot);
        }
        slot.expiresAt = Math.max(slot.expiresAt, at + periodNanos);
        Use use = new Use(slot, cap(amount));
        slot.amount += use.amount;
        used += use.amount;
        return use;
    }

    /**
     * The call ended: the use counts for a period from now, since the provider may have counted it as late as
     * that; {@code actual} gives back what it did not use, or takes the overrun (the log may go over capacity).
     */
    void settle(Use use, long actual) {
        long amount = Math.max(0, actual);
        used += amount - use.amount;
        use.slot.amount += amount - use.amount;
        use.amount = amount;
        use.slot.expiresAt = Math.max(use.slot.expiresAt, now() + periodNanos);
    }

    /** The call ended, using what it reserved. */
    void settle(Use use) {
        settle(use, use.amount);
    }

    /** The server knows best: when it reports fewer remaining than we see, hold the difference until its reset. */
    void correctDown(long serverRemaining, Duration reset) {
        long now = now();
        evict(now);
        long ours = capacity - used - held(now);
        if (serverRemaining < ours) {
            serverHeld = held(now) + ours - Math.max(0, serverRemaining);
            long until = reset == null || reset.isNegative() || reset.isZero() ? now + periodNanos : now + Math.min(reset.toNanos(), periodNanos);
            serverHeldUntil = Math.max(serverHeldUntil, until);
        }
    }

    /** The earliest instant (nanos), not before the last reservation, when {@code amount} more stays within capacity. */
    private long earliest(long amount) {
        long now = now();
        evict(now);
        long time = Math.max(slots.isEmpty() ? now : Math.max(now, slots.peekLast().at), nextFree);
        long usage = used + (serverHeldUntil > time ? serverHeld : 0);
        if (usage + amount <= capacity) {
            return time;
        }
        List<long[]> expiries = new ArrayList<>(slots.size() + 1); // {expiresAt, amount}
        slots.forEach(slot -> expiries.add(new long[] {slot.expiresAt, slot.amount}));
        if (serverHeldUntil > time) {
            expiries.add(new long[] {serverHeldUntil, serverHeld});
        }
        expiries.sort(Comparator.comparingLong(expiry -> expiry[0]));
        for (long[] expiry : expiries) {
            time = Math.max(time, expiry[0]);
            usage -= expiry[1];
            if (usage + amount <= capacity) {
                return time;
            }
        }
        return time;
    }

    private long held(long now) {
        return serverHeldUntil > now ? serverHeld : 0;
    }

    /** Drops expired slots from the head; one expiring early behind a later one waits its turn (conservative). */
    private void evict(long now) {
        while (!slots.isEmpty() && slots.peekFirst().expiresAt <= now) {
            used -= slots.pollFirst().amount;
        }
    }

    private long now() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
