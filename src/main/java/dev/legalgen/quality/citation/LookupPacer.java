package dev.legalgen.quality.citation;

import dev.legalgen.provider.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * CourtListener's citation throttle, honoured: 60 valid citations a minute, so one lookup (one citation) a second,
 * spaced evenly; after a 429, none before its {@code wait_until}. Shared by every thread that looks up.
 */
final class LookupPacer {

    static final Duration SPACING = Duration.ofSeconds(1);

    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextTurn = Instant.EPOCH;
    private Instant heldUntil = Instant.EPOCH;

    LookupPacer(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits for this caller's turn; false, without waiting, when the turn lies more than {@code maxWait} ahead. */
    boolean awaitTurn(Duration maxWait) throws InterruptedException {
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            Instant turn = reserve(deadline);
            if (turn == null) {
                return false;
            }
            Duration wait = Duration.between(clock.instant(), turn);
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
            if (!heldPast(clock.instant())) {
                return true;
            }
            // a 429 arrived while this caller waited: its turn is after the wait_until now
        }
    }

    /** No turn before {@code until} (a 429's {@code wait_until}). */
    synchronized void holdUntil(Instant until) {
        if (until.isAfter(heldUntil)) {
            heldUntil = until;
        }
    }

    private synchronized Instant reserve(Instant deadline) {
        Instant turn = latest(clock.instant(), latest(nextTurn, heldUntil));
        if (turn.isAfter(deadline)) {
            return null;
        }
        nextTurn = turn.plus(SPACING);
        return turn;
    }

    private synchronized boolean heldPast(Instant now) {
        return heldUntil.isAfter(now);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
