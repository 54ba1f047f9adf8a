package dev.legalgen.provider;

import java.time.Duration;

/**
 * A provider's limits shared by every process that calls it (the workers of remote partitioning), so that
 * together they keep its requests and tokens per minute as one process's limiter does: the starts of calls, a
 * request-per-minute's spacing apart, and the tokens of the calls of the last minute. In one process there is
 * nothing to share: {@link #NONE}.
 */
public interface SharedLimits {

    SharedLimits NONE = new SharedLimits() {
        @Override
        public Duration bookStart(String provider, Duration spacing) {
            return Duration.ZERO;
        }

        @Override
        public TokenReservation reserveTokens(String provider, long tokens, long capacity) {
            return TokenReservation.granted(0);
        }

        @Override
        public void recordUsed(String provider, long usedTokens) {}

        @Override
        public void settleTokens(String provider, long reservation, long usedTokens) {}

        @Override
        public void releaseTokens(String provider, long reservation) {}
    };

    /** Books the next start of a call to {@code provider}, {@code spacing} after the one before; the time until it. */
    Duration bookStart(String provider, Duration spacing);

    /**
     * Reserves {@code tokens} of {@code provider}'s tokens per minute ({@code capacity}) if they fit among what every
     * process's calls of the last minute used and the calls in flight reserved; else books nothing and says how long
     * until there may be room.
     */
    TokenReservation reserveTokens(String provider, long tokens, long capacity);

    /**
     * Tokens this process used without reserving them (its calls from before it knew the limit): they count for a
     * minute from now.
     */
    void recordUsed(String provider, long usedTokens);

    /** The call ended having used {@code usedTokens}: they count for a minute from now, instead of the reservation. */
    void settleTokens(String provider, long reservation, long usedTokens);

    /** The call was not made, or not charged: its reservation counts no more. */
    void releaseTokens(String provider, long reservation);

    /** A reservation's id, or, when there was no room, how long until there may be. */
    record TokenReservation(long id, Duration waitTime) {

        static final long NO_ROOM = -1;

        public static TokenReservation granted(long id) {
            return new TokenReservation(id, Duration.ZERO);
        }

        public static TokenReservation noRoomFor(Duration waitTime) {
            return new TokenReservation(NO_ROOM, waitTime);
        }

        public boolean isGranted() {
            return id != NO_ROOM;
        }
    }
}
