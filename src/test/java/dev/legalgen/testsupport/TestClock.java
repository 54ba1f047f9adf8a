package dev.legalgen.testsupport;

import dev.legalgen.provider.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tests' one clock, also the {@link Sleeper} of the code under test: {@link #manual} time moves only
 * when a test advances it or the code sleeps (no real waiting); {@link #fast} is real time run faster, for
 * tests where both sides of an HTTP exchange read the clock.
 */
public final class TestClock extends Clock implements Sleeper {

    /** Where a manual clock starts: a minute's start, so that tests read window boundaries easily. */
    public static final Instant MANUAL_START = Instant.parse("2026-11-24T10:00:00Z");
    /** Where a fast clock starts: mid-minute, so that servers' clock-aligned minutes do not line up with the run. */
    public static final Instant FAST_START = Instant.parse("2026-11-24T10:00:30Z");

    private final long speed;
    private final long startNanos = System.nanoTime();
    private volatile Instant manualNow;

    private TestClock(Instant start, long speed) {
        this.manualNow = start;
        this.speed = speed;
    }

    public static TestClock manual() {
        return manual(MANUAL_START);
    }

    public static TestClock manual(Instant start) {
        return new TestClock(start, 0);
    }

    /** Real time {@code speed} times faster: sleeping takes 1/speed of the duration. */
    public static TestClock fast(long speed) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be at least 1, was " + speed);
        }
        return new TestClock(FAST_START, speed);
    }

    /** Moves a manual clock; a fast one cannot be moved by hand. */
    public synchronized void advance(Duration duration) {
        if (speed != 0) {
            throw new IllegalStateException("a fast clock follows real time");
        }
        manualNow = manualNow.plus(duration);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (speed == 0) {
            advance(duration);
            return;
        }
        long nanos = duration.toNanos() / speed;
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    @Override
    public Instant instant() {
        return speed == 0 ? manualNow : manualNow.plusNanos((System.nanoTime() - startNanos) * speed);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
