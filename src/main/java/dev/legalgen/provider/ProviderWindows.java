package dev.legalgen.provider;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A provider's limit windows and the calls booked in them. A booking takes room in every window from the first
 * instant all of them have it. Bookings still ahead are taken back and booked again, in order, whenever room may
 * have freed up or gone (a call used fewer tokens than it reserved, a failure the provider does not charge, the
 * provider's own count), so that queued callers pace by what was actually used instead of keeping the slots that
 * the estimates ahead of them gave. Not thread-safe: the limiter synchronises.
 */
final class ProviderWindows {

    /** One call's part of each window, and when it may start. */
    static final class Booking {
        private final long tokens;
        private final List<Held> held = new ArrayList<>();
        private long startsAt;

        private Booking(long tokens) {
            this.tokens = tokens;
        }

        long tokens() {
            return tokens;
        }

        private LimitWindow.Use use(LimitWindow window) {
            for (Held part : held) {
                if (part.window() == window) {
                    return part.use();
                }
            }
            return null; // a window learnt from headers after this booking
        }
    }

    private record Held(RateLimit limit, LimitWindow window, LimitWindow.Use use) {}

    private final Map<RateLimit, LimitWindow> windows = new EnumMap<>(RateLimit.class);
    private final Deque<Booking> queued = new ArrayDeque<>(); // bookings not started yet, in booking order
    private final Clock clock;

    ProviderWindows(ProviderSettings settings, Clock clock) {
        this.clock = clock;
        for (RateLimit limit : RateLimit.values()) {
            if (limit.configured(settings) > 0) {
                windows.put(limit, new LimitWindow(limit, limit.configured(settings), clock));
            }
        }
    }

    /** The capacity of a limit, configured or learnt from headers; 0 when it is not known. */
    long capacity(RateLimit limit) {
        LimitWindow window = windows.get(limit);
        return window == null ? 0 : window.capacity();
    }

    /** Nanos from now until a call of {@code tokens} fits in every window, after the bookings already made. */
    long waitFor(long tokens) {
        long wait = 0;
        for (Map.Entry<RateLimit, LimitWindow> window : windows.entrySet()) {
            wait = Math.max(wait, window.getValue().waitFor(window.getKey().amount(tokens)));
        }
        return wait;
    }

    /** Books a call of {@code tokens} at {@code nanosFromNow} (from {@link #waitFor}). */
    Booking book(long tokens, long nanosFromNow) {
        dropStarted(now());
        Booking booking = new Booking(tokens);
        place(booking, nanosFromNow);
        return booking;
    }

    /** Nanos until the booking starts, 0 once it has; it moves when room frees up or goes. */
    long untilStart(Booking booking) {
        return Math.max(0, booking.startsAt - now());
    }

    /** The call ended: requests count as reserved, tokens as used. */
    void settle(Booking booking, long usedTokens) {
        for (Held part : booking.held) {
            if (part.limit().countsTokens()) {
                part.window().settle(part.use(), usedTokens);
            } else {
                part.window().settle(part.use());
            }
        }
    }

    /** The call ended and everything reserved counts. */
    void settleAsReserved(Booking booking) {
        for (Held part : booking.held) {
            part.window().settle(part.use());
        }
    }

    /** Nothing of the booking counts: it never started, or the provider did not charge the call. */
    void release(Booking booking) {
        dropStarted(now());
        if (queued.contains(booking)) {
            rebookQueued(booking);
            return;
        }
        for (Held part : booking.held) {
            part.window().settle(part.use(), 0);
        }
    }

    /**
     * A response's rate-limit headers, from the answer to {@code call} (null when not known): the provider's count
     * corrects each window it reports, and a window it reports that is not configured is learnt.
     */
    void correct(RateLimitHeaders headers, Booking call) {
        for (RateLimit limit : RateLimit.values()) {
            RateLimitHeaders.Window reported = limit.reported(headers);
            if (reported == null || reported.remaining() == null) {
                continue;
            }
            LimitWindow window = windows.get(limit);
            if (window == null && reported.limit() != null && reported.limit() > 0) {
                window = new LimitWindow(limit, reported.limit(), clock);
                windows.put(limit, window);
            }
            if (window != null) {
                window.correct(reported.remaining(), reported.reset(), call == null ? null : call.use(window));
            }
        }
    }

    /** Books the calls still queued again, in order, against the windows as they are now. */
    void reflow() {
        dropStarted(now());
        rebookQueued(null);
    }

    private void rebookQueued(Booking dropped) {
        List<Booking> again = new ArrayList<>(queued);
        for (Iterator<Booking> latestFirst = queued.descendingIterator(); latestFirst.hasNext(); ) {
            for (Held part : latestFirst.next().held) {
                part.window().unreserve(part.use());
            }
        }
        queued.clear();
        for (Booking booking : again) {
            if (booking != dropped) {
                place(booking, waitFor(booking.tokens));
            }
        }
    }

    private void place(Booking booking, long nanosFromNow) {
        booking.held.clear();
        long startsAt = now() + nanosFromNow;
        for (Map.Entry<RateLimit, LimitWindow> window : windows.entrySet()) {
            LimitWindow.Use use = window.getValue().reserve(window.getKey().amount(booking.tokens), nanosFromNow);
            booking.held.add(new Held(window.getKey(), window.getValue(), use));
            startsAt = Math.max(startsAt, use.at());
        }
        booking.startsAt = startsAt;
        if (startsAt > now()) {
            queued.addLast(booking);
        }
    }

    /** A booking whose time has come has started: its room is taken, whether or not its caller has woken yet. */
    private void dropStarted(long now) {
        while (!queued.isEmpty() && queued.peekFirst().startsAt <= now) {
            queued.pollFirst();
        }
    }

    private long now() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
