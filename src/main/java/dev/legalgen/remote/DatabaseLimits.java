package dev.legalgen.remote;

import dev.legalgen.provider.SharedLimits;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each provider's limits shared by the processes of remote partitioning, in the database: a start is booked by
 * moving {@code provider_pace.next_start} on by the spacing, tokens by adding a row to {@code provider_token_use}
 * when they fit among the rows still counting, both under the provider's {@code provider_pace} row lock, so the
 * workers' calls keep the limits as one process's would. The times are the database's, so that clocks that differ do
 * not matter; a booking costs one short transaction, against calls of seconds.
 */
final class DatabaseLimits implements SharedLimits {

    /** How long a reservation counts while its call is in flight: longer than any call, in case its worker dies. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(5);

    static final Duration MINUTE = Duration.ofMinutes(1);

    /** The longest wait handed out while there is no room: calls in flight may end and give room back sooner. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    DatabaseLimits(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Duration bookStart(String provider, Duration spacing) {
        ensureRow(provider);
        return transactions.execute(status -> {
            Pace pace = lock(provider);
            OffsetDateTime start = pace.nextStart().isAfter(pace.now()) ? pace.nextStart() : pace.now();
            jdbc.update("UPDATE provider_pace SET next_start = ? WHERE provider = ?", start.plus(spacing), provider);
            return Duration.between(pace.now(), start);
        });
    }

    @Override
    public TokenReservation reserveTokens(String provider, long tokens, long capacity) {
        long amount = Math.min(tokens, capacity); // one oversized request must not wait forever
        ensureRow(provider);
        return transactions.execute(status -> {
            OffsetDateTime now = lock(provider).now();
            jdbc.update("DELETE FROM provider_token_use WHERE provider = ? AND counts_until <= ?", provider, now);
            long used = jdbc.queryForObject(
                    "SELECT COALESCE(SUM(tokens), 0) FROM provider_token_use WHERE provider = ?", Long.class, provider);
            if (used + amount <= capacity) {
                return TokenReservation.granted(insert(provider, amount, now.plus(IN_FLIGHT)));
            }
            List<Counting> counting = jdbc.query(
                    "SELECT tokens, counts_until FROM provider_token_use WHERE provider = ? ORDER BY counts_until",
                    (row, n) -> new Counting(row.getLong(1), row.getObject(2, OffsetDateTime.class)),
                    provider);
            for (Counting use : counting) { // what expires first gives room first
                used -= use.tokens();
                if (used + amount <= capacity) {
                    Duration wait = Duration.between(now, use.until());
                    return TokenReservation.noRoomFor(wait.compareTo(RECHECK) < 0 ? wait : RECHECK);
                }
            }
            return TokenReservation.noRoomFor(RECHECK);
        });
    }

    @Override
    public void settleTokens(long reservation, long usedTokens) {
        jdbc.update(
                "UPDATE provider_token_use SET tokens = ?, counts_until = CURRENT_TIMESTAMP + INTERVAL '1' MINUTE"
                        + " WHERE id = ?",
                Math.max(0, usedTokens),
                reservation);
    }

    @Override
    public void releaseTokens(long reservation) {
        jdbc.update("DELETE FROM provider_token_use WHERE id = ?", reservation);
    }

    private record Pace(OffsetDateTime nextStart, OffsetDateTime now) {}

    private record Counting(long tokens, OffsetDateTime until) {}

    /** The provider's row, locked until the transaction ends, with the database's time. */
    private Pace lock(String provider) {
        return jdbc.queryForObject(
                "SELECT next_start, CURRENT_TIMESTAMP FROM provider_pace WHERE provider = ? FOR UPDATE",
                (row, n) -> new Pace(row.getObject(1, OffsetDateTime.class), row.getObject(2, OffsetDateTime.class)),
                provider);
    }

    private long insert(String provider, long tokens, OffsetDateTime countsUntil) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO provider_token_use (provider, tokens, counts_until) VALUES (?, ?, ?)",
                            new String[] {"id"});
                    insert.setString(1, provider);
                    insert.setLong(2, tokens);
                    insert.setObject(3, countsUntil);
                    return insert;
                },
                key);
        return key.getKey().longValue();
    }

    /**
     * The provider's row, inserted until this process knows it is there; its own statement, before the booking's
     * transaction: PostgreSQL aborts a transaction whose insert collides.
     */
    private void ensureRow(String provider) {
        if (known.contains(provider)) {
            return;
        }
        try {
            jdbc.update("INSERT INTO provider_pace (provider, next_start) VALUES (?, CURRENT_TIMESTAMP)", provider);
        } catch (DuplicateKeyException anotherWasFirst) {
            // the row is there (another worker's, or another thread's here): that is all this wanted
        }
        known.add(provider); // only once the row is surely there: a thread that skips the insert then finds it
    }
}
