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
 * instant, in order, so that waiting callers queue instead of racing. Not thread-safe: the owning
 * limiter synchronises.
 */
final class LimitWindow {

    /** One reservation; its amount is corrected, and its expiry pushed back, when the call ends. */
    static final class Use {
        private final long at;
        private long amount;
        private long expiresAt;

        private Use(long at, long amount, long expiresAt) {
            this.at = at;
            this.amount = amount;
            this.expiresAt = expiresAt;
        }
    }

    private final String name;
    private final long capacity;
    private final long periodNanos;
    private final Clock clock;
    private final Deque<Use> uses = new ArrayDeque<>(); // ordered by time: reservations are appended
    private long used;
    private long serverHeld; // what the server says is used beyond our own log, until serverHeldUntil
    private long serverHeldUntil = Long.MIN_VALUE;

    LimitWindow(String name, long capacity, Duration period, Clock clock) {
        this.name = name;
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
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
        long at = Math.max(now() + nanosFromNow, uses.isEmpty() ? Long.MIN_VALUE : uses.peekLast().at);
        Use use = new Use(at, cap(amount), at + periodNanos);
        uses.addLast(use);
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
        use.amount = amount;
        use.expiresAt = Math.max(use.expiresAt, now() + periodNanos);
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
        long time = uses.isEmpty() ? now : Math.max(now, uses.peekLast().at);
        long usage = used + (serverHeldUntil > time ? serverHeld : 0);
        if (usage + amount <= capacity) {
            return time;
        }
        List<long[]> expiries = new ArrayList<>(uses.size() + 1); // {expiresAt, amount}
        uses.forEach(use -> expiries.add(new long[] {use.expiresAt, use.amount}));
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

    private void evict(long now) {
        uses.removeIf(use -> {
            boolean expired = use.expiresAt <= now;
            used -= expired ? use.amount : 0;
            return expired;
        });
    }

    private long now() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
