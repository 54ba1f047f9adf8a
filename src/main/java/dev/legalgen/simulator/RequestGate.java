package dev.legalgen.simulator;

/**
 * Holds chat requests unanswered until it is released: a run kept in progress for exactly as long as a test
 * needs, where a latency or a pace would be a bet on how fast the machine is. A request passes the gate once
 * it is valid and before its fault or latency, so a held request is seen and counted but not yet answered.
 */
final class RequestGate {

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
    synchronized void pass() throws InterruptedException {
        if (!holding) {
            return;
        }
        if (passesLeft > 0) {
            passesLeft--;
            return;
        }
        long release = releases;
        held++;
        try {
            while (releases == release) {
                wait();
            }
        } finally {
            held--;
        }
    }
}
