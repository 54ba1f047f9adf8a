package dev.legalgen.provider;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** One limit (e.g. tokens per minute) as a greedy-refill Bucket4j bucket driven by the injected clock. */
final class LimitWindow {

    private final String name;
    private final long capacity;
    private final Bucket bucket;

    LimitWindow(String name, long capacity, Duration period, long initial, Clock clock) {
        this.name = name;
        this.capacity = capacity;
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period).initialTokens(Math.max(0, Math.min(initial, capacity))))
                .withCustomTimePrecision(timeMeter(clock))
                .build();
    }

    String name() {
        return name;
    }

    /** Takes {@code amount} (capped at the capacity, so one oversized request cannot wait forever); 0 when taken, else the wait. */
    long tryTake(long amount) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cap(amount));
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    long cap(long amount) {
        return Math.min(amount, capacity);
    }

    void giveBack(long amount) {
        if (amount > 0) {
            bucket.addTokens(amount);
        }
    }

    /** Takes more than was reserved: the balance may go negative, delaying later callers. */
    void takeAnyway(long amount) {
        if (amount > 0) {
            bucket.consumeIgnoringRateLimits(amount);
        }
    }

    /** The server knows best: when it reports fewer remaining than we hold, drop the difference. */
    void correctDown(long serverRemaining) {
        long available = bucket.getAvailableTokens();
        if (serverRemaining < available) {
            bucket.consumeIgnoringRateLimits(available - Math.max(0, serverRemaining));
        }
    }

    long available() {
        return bucket.getAvailableTokens();
    }

    private static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
