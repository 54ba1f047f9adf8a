package dev.legalgen.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time run {@code speed} times faster, for both sides of an HTTP test; sleeping takes 1/speed of the duration. */
final class FastClock extends Clock implements Sleeper {

    // mid-minute, so the servers' clock-aligned minute windows do not line up with the start of the run
    private final Instant start = Instant.parse("2026-11-24T10:00:30Z");
    private final long startNanos = System.nanoTime();
    private final long speed;

    FastClock(long speed) {
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        return start.plusNanos((System.nanoTime() - startNanos) * speed);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long nanos = duration.toNanos() / speed;
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
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
