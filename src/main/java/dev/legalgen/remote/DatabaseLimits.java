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
 * when they fit beside the rows still counting (whose sum the provider's row keeps in {@code tokens_counting}, so a
 * reservation costs the same however many calls the last minute had), all under the provider's row lock, so the
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
            Pace pace = lock(provider);
            long used = pace.tokensCounting() - expire(provider, pace.now());
            TokenReservation reservation = used + amount <= capacity
                    ? TokenReservation.granted(
                            insert(provider, amount, pace.now().plus(IN_FLIGHT)))
                    : TokenReservation.noRoomFor(untilRoom(provider, used, amount, capacity, pace.now()));
            jdbc.update(
                    "UPDATE provider_pace SET tokens_counting = ? WHERE provider = ?",
                    reservation.isGranted() ? used + amount : used,
                    provider);
            return reservation;
        });
    }

    @Override
    public void recordUsed(String provider, long usedTokens) {
        ensureRow(provider);
        transactions.executeWithoutResult(status -> {
            Pace pace = lock(provider);
            insert(provider, usedTokens, pace.now().plus(MINUTE));
            jdbc.update(
                    "UPDATE provider_pace SET tokens_counting = tokens_counting + ? WHERE provider = ?",
                    usedTokens,
                    provider);
        });
    }

    @Override
    public void settleTokens(String provider, long reservation, long usedTokens) {
        changeReservation(provider, reservation, Math.max(0, usedTokens));
    }

    @Override
    public void releaseTokens(String provider, long reservation) {
        changeReservation(provider, reservation, -1);
    }

    /** The rows that count no more are deleted; what they held. */
    private long expire(String provider, OffsetDateTime now) {
        long expired = jdbc.queryForObject(
                "SELECT COALESCE(SUM(tokens), 0) FROM provider_token_use WHERE provider = ? AND counts_until <= ?",
                Long.class,
                provider,
                now);
        if (expired > 0) { // every row holds tokens: none expired, nothing to delete
            jdbc.update("DELETE FROM provider_token_use WHERE provider = ? AND counts_until <= ?", provider, now);
        }
        return expired;
    }

    /** When the calls that count now will have given room for {@code amount}: what expires first gives it first. */
    private Duration untilRoom(String provider, long used, long amount, long capacity, OffsetDateTime now) {
        List<Counting> counting = jdbc.query(
                "SELECT tokens, counts_until FROM provider_token_use WHERE provider = ? ORDER BY counts_until",
                (row, n) -> new Counting(row.getLong(1), row.getObject(2, OffsetDateTime.class)),
                provider);
        long left = used;
        for (Counting use : counting) {
            left -= use.tokens();
            if (left + amount <= capacity) {
                Duration wait = Duration.between(now, use.until());
                return wait.compareTo(RECHECK) < 0 ? wait : RECHECK;
            }
        }
        return RECHECK;
    }

    /**
     * A reservation settled to {@code usedTokens}, counting for a minute from now, or (at -1) taken back; under the
     * provider's row lock, as its running total changes with it. Gone already (it counted its 5 minutes): nothing.
     */
    private void changeReservation(String provider, long reservation, long usedTokens) {
        transactions.executeWithoutResult(status -> {
            lock(provider);
            List<Long> reserved =
                    jdbc.queryForList("SELECT tokens FROM provider_token_use WHERE id = ?", Long.class, reservation);
            if (reserved.isEmpty()) {
                return;
            }
            if (usedTokens < 0) {
                jdbc.update("DELETE FROM provider_token_use WHERE id = ?", reservation);
            } else {
                jdbc.update(
                        "UPDATE provider_token_use SET tokens = ?, counts_until = CURRENT_TIMESTAMP + INTERVAL '1' MINUTE"
                                + " WHERE id = ?",
                        usedTokens,
                        reservation);
            }
            jdbc.update(
                    "UPDATE provider_pace SET tokens_counting = tokens_counting + ? WHERE provider = ?",
                    Math.max(0, usedTokens) - reserved.get(0),
                    provider);
        });
    }

    private record Pace(OffsetDateTime nextStart, long tokensCounting, OffsetDateTime now) {}

    private record Counting(long tokens, OffsetDateTime until) {}

    /** The provider's row, locked until the transaction ends, with the database's time. */
    private Pace lock(String provider) {
        return jdbc.queryForObject(
                "SELECT next_start, tokens_counting, CURRENT_TIMESTAMP FROM provider_pace WHERE provider = ? FOR UPDATE",
                (row, n) -> new Pace(
                        row.getObject(1, OffsetDateTime.class), row.getLong(2), row.getObject(3, OffsetDateTime.class)),
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
