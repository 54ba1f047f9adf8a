package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limiter of one provider: books one request and the estimated tokens (prompt chars / 4 + the call's
 * completion tokens, as the providers themselves reserve) against the known per-minute and per-day limits
 * ({@link ProviderWindows}), settles each call to what it used, takes the provider's own count from its response
 * headers, and after a 429 holds calls back ({@link RateLimitBlock}). Waiting callers book the next free slot and
 * sleep until it, so concurrent callers queue instead of racing; the slot moves earlier when room frees up.
 */
public final class ProviderRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRateLimiter.class);

    /** The outcome of asking for room: a permit, or how long until there may be room. */
    public record Admission(Permit permit, Duration waitTime) {
        public boolean granted() {
            return permit != null;
        }
    }

    static final Duration DEFAULT_BLOCK = RateLimitBlock.DEFAULT_BLOCK;
    /**
     * How often a waiting caller looks whether its slot moved (earlier: calls ahead used fewer tokens than reserved).
     */
    static final Duration RECHECK = Duration.ofMillis(250);
    /** How long before asking the shared limits again when they did not answer. */
    static final Duration SHARED_RETRY = Duration.ofSeconds(1);

    private final String provider;
    private final int maxCompletionTokens;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ProviderWindows windows;
    private final RateLimitBlock block = new RateLimitBlock();
    /** What the provider's latest response said of its windows: the headroom as learnt from headers. */
    private RateLimitHeaders lastHeaders = RateLimitHeaders.NONE;
    /**
     * The call each thread is making. A client reads the answer's headers on the calling thread before the call
     * settles, so headers arriving there are that call's: the provider has counted it and what ended before it.
     */
    private final ThreadLocal<Permit> calls = new ThreadLocal<>();
    /**
     * Limits shared with other processes: starts a request-per-minute's spacing apart (none without a configured
     * limit), and tokens per minute (once configured or learnt from headers).
     */
    private final SharedLimits shared;

    private final Duration spacing;
    /** Whether this limiter's tokens per minute are shared yet: from its first call that knew the limit. */
    private boolean tokensShared;
    /** What its calls reserved before that, for the others to count when it is shared. */
    private long unsharedTokens;
    /** The line of this process's calls waiting for shared tokens, first come first served. */
    private final ReentrantLock sharedLine = new ReentrantLock(true);

    public ProviderRateLimiter(String provider, ProviderSettings settings, Clock clock, Sleeper sleeper) {
        this(provider, settings, clock, sleeper, SharedLimits.NONE);
    }

    /** A limiter whose calls also take their starts and tokens from {@code shared}, with other processes. */
    public ProviderRateLimiter(
            String provider, ProviderSettings settings, Clock clock, Sleeper sleeper, SharedLimits shared) {
        this.provider = provider;
        this.maxCompletionTokens = settings.maxCompletionTokens();
        this.clock = clock;
        this.sleeper = sleeper;
        this.windows = new ProviderWindows(settings, clock);
        this.shared = shared;
        this.spacing =
                settings.requestsPerMinute() > 0 ? Duration.ofMinutes(1).dividedBy(settings.requestsPerMinute()) : null;
    }

    public String provider() {
        return provider;
    }

    /** What a prompt reserves before the call, like the providers' own admission estimate. */
    public long estimateTokens(int promptChars) {
        return estimateTokens(promptChars, maxCompletionTokens);
    }

    private static long estimateTokens(int promptChars, int completionBudget) {
        return TokenUsage.worstCase(promptChars, completionBudget).total();
    }

    /**
     * Books the next free slot if it comes within {@code maxWait} and waits for it; when the wait would be
     * longer, returns at once with it, booking nothing.
     */
    public Admission acquire(int promptChars, Duration maxWait) throws InterruptedException {
        return acquire(promptChars, maxCompletionTokens, maxWait, sleeper);
    }

    /**
     * As {@link #acquire(int, Duration)}, for a call whose completion budget is {@code completionBudget}, waiting with
     * {@code sleeper} (whose waits may end early by throwing).
     */
    public Admission acquire(int promptChars, int completionBudget, Duration maxWait, Sleeper sleeper)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            Admission admission =
                    reserve(estimateTokens(promptChars, completionBudget), left.isNegative() ? Duration.ZERO : left);
            if (admission.granted()) {
                waitForStart(admission.permit(), sleeper);
                waitForSharedTokens(admission.permit(), sleeper);
                waitForSharedStart(admission.permit(), sleeper);
                if (!heldBack(admission.permit())) {
                    return admission;
                }
                continue; // a 429 came while it waited: the block decides, as for any caller
            }
            if (admission.waitTime().compareTo(left) > 0) {
                return admission;
            }
            sleeper.sleep(admission.waitTime()); // a 429 block or the probe out: nothing to reserve, look again then
        }
    }

    /** Sleeps until the permit's slot, looking again now and then, since the slot moves when room frees up or goes. */
    private void waitForStart(Permit permit, Sleeper sleeper) throws InterruptedException {
        try {
            for (Duration left = untilStart(permit); !left.isZero(); left = untilStart(permit)) {
                sleeper.sleep(left.compareTo(RECHECK) < 0 ? left : RECHECK);
            }
        } catch (InterruptedException interrupted) {
            permit.cancelled();
            throw interrupted;
        }
    }

    /**
     * With other processes calling the provider too: room for this call's tokens among theirs of the last minute.
     * Before the start is booked, so that a call waiting for tokens holds no start the others are spaced behind. The
     * calls of this process wait in line for it, in order, so that only the first asks the database while there is no
     * room; should the database not answer, it asks again a second later rather than fail the item.
     */
    private void waitForSharedTokens(Permit permit, Sleeper sleeper) throws InterruptedException {
        long capacity = tokensPerMinute(permit);
        if (capacity == 0) {
            return;
        }
        try {
            sharedLine.lockInterruptibly();
        } catch (InterruptedException interrupted) {
            permit.cancelled();
            throw interrupted;
        }
        try {
            shareUnsharedTokens();
            while (true) {
                SharedLimits.TokenReservation reservation;
                try {
                    reservation = shared.reserveTokens(provider, permit.reservedTokens(), capacity);
                } catch (RuntimeException unanswered) {
                    LOG.warn(
                            "Could not reserve shared tokens of {}, asking again: {}",
                            provider,
                            unanswered.getMessage());
                    reservation = SharedLimits.TokenReservation.noRoomFor(SHARED_RETRY);
                }
                if (reservation.isGranted()) {
                    permit.sharedTokens.set(reservation.id());
                    return;
                }
                sleeper.sleep(reservation.waitTime());
            }
        } catch (InterruptedException | RuntimeException interrupted) {
            permit.cancelled();
            throw interrupted;
        } finally {
            sharedLine.unlock();
        }
    }

    private void shareUnsharedTokens() {
        long unshared = unsharedTokens();
        if (unshared > 0) {
            try {
                shared.recordUsed(provider, unshared);
            } catch (RuntimeException e) { // the others then count a little less for a minute: no call fails for it
                LOG.warn("Could not share the tokens {} used before it knew the limit: {}", provider, e.getMessage());
            }
        }
    }

    /**
     * Once, when the limit is first known here (learnt from the first answers' headers): what this process's calls
     * reserved before, which the others must count too (a minute from now, at their estimates: no less than they took).
     */
    private synchronized long unsharedTokens() {
        long unshared = tokensShared ? 0 : unsharedTokens;
        tokensShared = true;
        unsharedTokens = 0;
        return unshared;
    }

    /** The limit to share, 0 while it is not known; until then, each call's tokens are kept for when it is. */
    private synchronized long tokensPerMinute(Permit permit) {
        long capacity = windows.capacity(RateLimit.TOKENS_PER_MINUTE);
        if (capacity == 0 && !tokensShared) {
            unsharedTokens += permit.reservedTokens();
        }
        return capacity;
    }

    /** With other processes calling the provider too: the start this call books among theirs. */
    private void waitForSharedStart(Permit permit, Sleeper sleeper) throws InterruptedException {
        if (spacing == null) {
            return;
        }
        try {
            Duration wait = shared.bookStart(provider, spacing);
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
        } catch (InterruptedException | RuntimeException interrupted) {
            permit.cancelled();
            throw interrupted;
        }
    }

    private synchronized Duration untilStart(Permit permit) {
        return Duration.ofNanos(windows.untilStart(permit.booking));
    }

    /** A 429 arrived while the permit waited for its slot: give the slot back rather than call into the block. */
    private synchronized boolean heldBack(Permit permit) {
        if (block.blockedUntil(clock.instant()) == null) {
            return false;
        }
        permit.cancelled();
        return true;
    }

    /** Never waits: a permit now, or the time until there may be room. */
    public Admission tryAcquire(int promptChars) {
        return reserve(estimateTokens(promptChars), Duration.ZERO);
    }

    /** Whether the provider itself holds us back (after a 429), rather than our own pacing. */
    public synchronized boolean blocked() {
        return block.refusal(clock.instant()) != null;
    }

    /** How long until a request of this size could start, reserving nothing; zero means headroom now. */
    public synchronized Duration availableIn(int promptChars) {
        Duration refused = block.refusal(clock.instant());
        return refused != null ? refused : Duration.ofNanos(windows.waitFor(estimateTokens(promptChars)));
    }

    private synchronized Admission reserve(long tokens, Duration maxWait) {
        Duration refused = block.refusal(clock.instant());
        if (refused != null) {
            return new Admission(null, refused);
        }
        long wait = windows.waitFor(tokens);
        if (wait > maxWait.toNanos()) {
            return new Admission(null, Duration.ofNanos(wait));
        }
        Permit permit = new Permit(windows.book(tokens, wait), block.admit());
        calls.set(permit);
        return new Admission(permit, Duration.ofNanos(wait));
    }

    /**
     * Every response's headers. Those of the call this thread is making wait for it to settle, so that the
     * provider's count corrects ours knowing which calls it has seen; others correct at once.
     */
    public synchronized void onHeaders(RateLimitHeaders headers) {
        if (!headers.isEmpty()) {
            lastHeaders = headers;
        }
        Permit call = calls.get();
        if (call != null && !call.settled) {
            call.reported = headers;
            return;
        }
        windows.correct(headers, null);
        windows.reflow();
    }

    /** A 429: nothing goes to this provider for {@code retryAfter} (default 5 s), then a single probe. */
    public synchronized void onRateLimited(Duration retryAfter) {
        block.rateLimited(retryAfter, clock.instant());
    }

    /** The windows the provider's latest response reported (requests and tokens left, resets), for displays. */
    public synchronized RateLimitHeaders lastHeaders() {
        return lastHeaders;
    }

    /** When the provider may be asked again, or null when it is not blocked. */
    public synchronized Instant blockedUntil() {
        return block.blockedUntil(clock.instant());
    }

    private synchronized void succeeded(Permit permit, long usedTokens) {
        if (permit.settle()) {
            windows.settle(permit.booking, usedTokens);
            ended(permit, true);
        }
    }

    private synchronized void failed(Permit permit, ProviderCallException failure) {
        if (!permit.settle()) {
            return;
        }
        if (failure.category().chargesReservation()) {
            windows.settleAsReserved(permit.booking);
        } else {
            windows.release(permit.booking);
        }
        boolean blocks = failure.category().blocksProvider();
        ended(permit, !blocks && failure.httpStatus() != null);
        if (blocks) {
            onRateLimited(failure.retryAfter());
        }
    }

    private synchronized void cancelled(Permit permit) {
        if (permit.settle()) {
            windows.release(permit.booking);
            ended(permit, false);
        }
    }

    /** The call is over: its answer's headers correct the windows, and the calls queued behind it move. */
    private void ended(Permit permit, boolean answered) {
        if (calls.get() == permit) {
            calls.remove();
        }
        if (permit.reported != null) {
            windows.correct(permit.reported, permit.booking);
        }
        windows.reflow();
        block.ended(permit.probe, answered);
    }

    /** A booking for one call; settle it exactly once with one of its methods. */
    public final class Permit {

        private final ProviderWindows.Booking booking;
        private final boolean probe;
        private RateLimitHeaders reported; // the headers of the call's answer, until it settles
        private final AtomicLong sharedTokens = new AtomicLong(); // its reservation among other processes', 0: none
        private boolean settled;

        private Permit(ProviderWindows.Booking booking, boolean probe) {
            this.booking = booking;
            this.probe = probe;
        }

        public long reservedTokens() {
            return booking.tokens();
        }

        /** The call succeeded: it counts what it used (a refund of the estimate, or the overrun). */
        public void succeeded(long actualTotalTokens) {
            ProviderRateLimiter.this.succeeded(this, actualTotalTokens);
            settleShared(actualTotalTokens);
        }

        /** The call was never made: the booking is given back in full. */
        public void cancelled() {
            ProviderRateLimiter.this.cancelled(this);
            settleShared(0);
        }

        /**
         * The call failed: the booking stays spent if the provider charges such a failure, and is given back if not.
         */
        public void failed(ProviderCallException failure) {
            ProviderRateLimiter.this.failed(this, failure);
            settleShared(failure.category().chargesReservation() ? booking.tokens() : 0);
        }

        /**
         * The shared reservation, once, outside the limiter's lock (it is a database call). Should it fail, the
         * reservation counts a few minutes more and then no more: the call's answer is not lost for that.
         */
        private void settleShared(long usedTokens) {
            long reservation = sharedTokens.getAndSet(0);
            if (reservation == 0) {
                return;
            }
            try {
                if (usedTokens == 0) {
                    shared.releaseTokens(provider, reservation);
                } else {
                    shared.settleTokens(provider, reservation, usedTokens);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not settle the shared tokens of a call to {}: {}", provider, e.getMessage());
            }
        }

        private boolean settle() {
            boolean first = !settled;
            settled = true;
            return first;
        }
    }
}
