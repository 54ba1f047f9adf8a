package dev.legalgen.simulator;

import java.util.function.BooleanSupplier;

/**
 * Holds requests unanswered until it is released: a run kept in progress for exactly as long as a test needs,
 * where a latency or a pace would be a bet on how fast the machine is. The chat endpoint has one, passed once a
 * request is valid and before its fault or latency (a held request is seen and counted but not yet answered);
 * each Batch API endpoint has one, passed before the call is counted or takes effect ({@link BatchHolds}).
 */
final class RequestGate {

    /** How often a held request asks whether its client is still there. */
    private static final long CHECK_MILLIS = 100;

    private boolean holding;
    private int passesLeft;
    private int held;
    /** Counts releases, so that a request released and held again at once still goes on. */
    private long releases;

    /** The next {@code passing} requests go through; every one after them waits for {@link #release()}. */
    synchronized void holdAfter(int passing) {
        if (passing < 0) {
            throw new IllegalArgumentException("passing must not be negative, was " + passing);
        }
        holding = true;
        passesLeft = passing;
    }

    /** Lets every held request go on, and those that come later pass. */
    synchronized void release() {
        holding = false;
        releases++;
        notifyAll();
    }

    /** Lets the requests held now go on; later ones are held still. */
    synchronized void releaseHeld() {
        releases++;
        notifyAll();
    }

    synchronized int held() {
        return held;
    }

    /** Returns at once when open or with a pass left, else when released; interrupted when the simulator closes. */
    void pass() throws InterruptedException {
        pass(() -> true);
    }

    /**
     * As {@link #pass()}, but a held request whose client has left ({@code clientThere} false) stops waiting: false
     * then, true when it may go on.
     */
    synchronized boolean pass(BooleanSupplier clientThere) throws InterruptedException {
        if (!holding) {
            return true;
        }
        if (passesLeft > 0) {
            passesLeft--;
            return true;
        }
        long release = releases;
        held++;
        try {
            while (releases == release) {
                wait(CHECK_MILLIS);
                if (releases == release && !clientThere.getAsBoolean()) {
                    return false;
                }
            }
            return true;
        } finally {
            held--;
        }
    }
}
