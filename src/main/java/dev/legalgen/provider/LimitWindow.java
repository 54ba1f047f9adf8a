package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One limit (e.g. tokens per minute) as a rolling window: never more than the capacity in any {@code period}, so
 * it holds whether the provider counts in fixed clock-aligned windows, sliding windows or a token bucket (a
 * refilling bucket of the same capacity would allow twice the limit across a fixed window's boundary). A use
 * counts from its reservation until a period after its call ended, as the provider counted it somewhere in
 * between, unless the provider's own count says it is gone sooner ({@link #correct}). Uses may be reserved at a
 * future instant, in order, so that waiting callers queue instead of racing; the latest can be taken back
 * ({@link #unreserve}) to be booked again earlier. Uses reserved within a 600th of the period share one slot, so
 * memory and work stay bounded (about 600 slots) however high the limit, e.g. a per-day limit learnt from
 * headers. Not thread-safe: the owning limiter synchronises.
 */
final class LimitWindow {

    private static final int SLOTS_PER_PERIOD = 600;

    /** Uses reserved close together; counted until the latest of them expires. */
    private static final class Slot {
        private final long at;
        private long amount;
        private long reserved; // what its uses reserved, whatever they used
        private long expiresAt;
        private int uses;
        private int open; // not settled yet: booked or in flight
        private long endedAt = Long.MIN_VALUE; // when its last settled call ended

        private Slot(long at, long expiresAt) {
            this.at = at;
            this.expiresAt = expiresAt;
        }

        /** All its calls ended before {@code instant}, so a provider answering a call started then has counted them. */
        private boolean endedBefore(long instant) {
            return open == 0 && endedAt < instant;
        }
    }

    /** One reservation; its amount is corrected, and its slot's expiry pushed back, when the call ends. */
    static final class Use {
        private final Slot slot;
        private final long at;
        private final boolean newSlot; // taking it back removes the slot
        private final long nextFreeBefore; // taking it back restores the spacing
        private long amount;

        private Use(Slot slot, long at, boolean newSlot, long nextFreeBefore, long amount) {
            this.slot = slot;
            this.at = at;
            this.newSlot = newSlot;
            this.nextFreeBefore = nextFreeBefore;
            this.amount = amount;
        }

        /** When it starts, in nanos of the window's clock. */
        long at() {
            return at;
        }
    }

    private final long capacity;
    private final long periodNanos;
    private final Clock clock;
    private final long slotNanos;
    private final long spacingNanos; // 0: not spaced (see RateLimit#spacedEvenly)
    private long nextFree = Long.MIN_VALUE;
    private final Deque<Slot> slots = new ArrayDeque<>(); // ordered by time: reservations are appended
    private long used;
    private long serverHeld; // what the server counts beyond our own log, until serverHeldUntil
    private long serverHeldUntil = Long.MIN_VALUE;
    private long serverHeldSince = Long.MIN_VALUE; // when an answer last raised it

    LimitWindow(RateLimit limit, long capacity, Clock clock) {
        this.capacity = capacity;
        this.periodNanos = limit.period().toNanos();
        this.slotNanos = Math.max(1, periodNanos / SLOTS_PER_PERIOD);
        this.spacingNanos = limit.spacedEvenly() ? periodNanos / Math.max(1, capacity) : 0;
        this.clock = clock;
    }

    long capacity() {
        return capacity;
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
        long nextFreeBefore = nextFree;
        if (spacingNanos > 0) {
            nextFree = at + spacingNanos * cap(amount);
        }
        boolean newSlot = last == null || at - last.at >= slotNanos;
        Slot slot = newSlot ? new Slot(at, at + periodNanos) : last;
        if (newSlot) {
            slots.addLast(slot);
        }
        slot.expiresAt = Math.max(slot.expiresAt, at + periodNanos);
        slot.uses++;
        slot.open++;
        Use use = new Use(slot, at, newSlot, nextFreeBefore, cap(amount));
        slot.amount += use.amount;
        slot.reserved += use.amount;
        used += use.amount;
        return use;
    }

    /** Takes back the latest reservation, not started yet, as if it had never been made (latest first). */
    void unreserve(Use use) {
        Slot slot = use.slot;
        if (use.newSlot && slots.peekLast() != slot) {
            throw new IllegalStateException("only the latest reservation can be taken back");
        }
        used -= use.amount;
        slot.amount -= use.amount;
        slot.reserved -= use.amount;
        slot.uses--;
        slot.open--;
        if (use.newSlot) {
            slots.removeLast();
        }
        nextFree = use.nextFreeBefore;
    }

    /**
     * The call ended: the use counts for a period from now, since the provider may have counted it as late as
     * that; {@code actual} gives back what it did not use, or takes the overrun (the log may go over capacity).
     */
    void settle(Use use, long actual) {
        long amount = Math.max(0, actual);
        long now = now();
        used += amount - use.amount;
        use.slot.amount += amount - use.amount;
        use.amount = amount;
        use.slot.expiresAt = Math.max(use.slot.expiresAt, now + periodNanos);
        use.slot.open--;
        use.slot.endedAt = Math.max(use.slot.endedAt, now);
    }

    /** The call ended, using what it reserved. */
    void settle(Use use) {
        settle(use, use.amount);
    }

    /**
     * The server's count, from its answer to {@code call} (null when not known), is the truth about what it has
     * seen: the calls that ended before {@code call} started, {@code call} itself, and what an answer received
     * before that held. Those count no longer than until what the server counts is back, and no more than it
     * counts in all (what expires first is given up first), so pacing follows what the provider actually counted.
     * What it counts beyond all it may count of ours is someone else's use, held until then.
     */
    void correct(long serverRemaining, Duration reset, Use call) {
        long now = now();
        evict(now);
        long serverUsed = Math.max(0, Math.min(capacity, capacity - serverRemaining));
        long until = now + backIn(serverUsed, reset);
        Set<Slot> seen = call == null ? Set.of() : seenBy(call);
        limitToServer(seen, call != null && serverHeldSince < call.at, serverUsed, until, now);
        long ours = oursTheServerMayCount(seen, now);
        long held = held(now);
        if (serverUsed > ours + held) {
            serverHeldUntil = held > 0 ? Math.max(serverHeldUntil, until) : until;
            serverHeld = serverUsed - ours;
            serverHeldSince = now;
        }
    }

    /**
     * When what the server counts is surely back: at its reset for a window that empties at once, and no sooner than
     * a bucket refilling the capacity each period gives it back (Cerebras counts its reset down to the next minute
     * while refilling a bucket); never later than a period.
     */
    private long backIn(long serverUsed, Duration reset) {
        long refill = (long) ((double) serverUsed / capacity * periodNanos);
        long resetNanos = reset == null || reset.isNegative() || reset.isZero() ? periodNanos : reset.toNanos();
        return Math.min(periodNanos, Math.max(resetNanos, refill));
    }

    private Set<Slot> seenBy(Use call) {
        Set<Slot> seen = new LinkedHashSet<>(); // in time order, nearly the order of expiry
        for (Slot slot : slots) {
            boolean callAlone = slot == call.slot && slot.uses == 1 && slot.open == 0;
            if (callAlone || slot.endedBefore(call.at)) {
                seen.add(slot);
            }
        }
        return seen;
    }

    /**
     * Caps the seen uses (and what an earlier answer held, if seen) at {@code serverUsed} until {@code until}, then
     * nothing.
     */
    private void limitToServer(Set<Slot> seen, boolean heldSeen, long serverUsed, long until, long now) {
        long held = heldSeen ? held(now) : 0;
        long seenTotal = held;
        for (Slot slot : seen) {
            slot.expiresAt = Math.min(slot.expiresAt, until);
            seenTotal += slot.amount;
        }
        if (held > 0) {
            serverHeldUntil = Math.min(serverHeldUntil, until);
        }
        long excess = seenTotal - serverUsed;
        if (excess <= 0) {
            return;
        }
        // Taking the excess from what expires first leaves, at every later instant, the lesser of our count and the
        // server's.
        List<Slot> byExpiry = new ArrayList<>(seen);
        byExpiry.sort(Comparator.comparingLong(slot -> slot.expiresAt));
        boolean heldTaken = held == 0;
        for (Slot slot : byExpiry) {
            if (!heldTaken && serverHeldUntil <= slot.expiresAt) {
                excess = takeFromHeld(excess);
                heldTaken = true;
            }
            long taken = Math.min(excess, slot.amount);
            slot.amount -= taken;
            used -= taken;
            excess -= taken;
        }
        if (!heldTaken) {
            takeFromHeld(excess);
        }
    }

    private long takeFromHeld(long excess) {
        long taken = Math.min(excess, serverHeld);
        serverHeld -= taken;
        return excess - taken;
    }

    /**
     * What the server may count of the uses started so far: the seen ones as used, the others as reserved, since
     * the server may have answered while they were still being processed.
     */
    private long oursTheServerMayCount(Set<Slot> seen, long now) {
        long ours = 0;
        for (Slot slot : slots) {
            if (slot.at > now) {
                break;
            }
            ours += seen.contains(slot) ? slot.amount : Math.max(slot.amount, slot.reserved);
        }
        return ours;
    }

    /**
     * The earliest instant (nanos), not before the last reservation, when {@code amount} more stays within capacity.
     */
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

    private void evict(long now) {
        slots.removeIf(slot -> {
            boolean expired = slot.expiresAt <= now;
            used -= expired ? slot.amount : 0;
            return expired;
        });
    }

    private long now() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
