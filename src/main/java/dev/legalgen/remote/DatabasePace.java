package dev.legalgen.remote;

import dev.legalgen.provider.SharedPace;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starts of calls to each provider, shared by the processes of remote partitioning through
 * {@code provider_pace}: a booking moves the provider's next start on by the spacing under a row lock, so the
 * workers' calls are spaced as one process's would be. The times are the database's, so that clocks that differ do
 * not matter; a booking costs one short transaction, against calls of seconds.
 */
final class DatabasePace implements SharedPace {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    DatabasePace(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Duration book(String provider, Duration spacing) {
        if (known.add(provider)) {
            ensureRow(provider);
        }
        return transactions.execute(status -> {
            List<OffsetDateTime[]> rows = jdbc.query(
                    "SELECT next_start, CURRENT_TIMESTAMP FROM provider_pace WHERE provider = ? FOR UPDATE",
                    (row, n) -> new OffsetDateTime[] {
                        row.getObject(1, OffsetDateTime.class), row.getObject(2, OffsetDateTime.class)
                    },
                    provider);
            OffsetDateTime next = rows.get(0)[0];
            OffsetDateTime now = rows.get(0)[1];
            OffsetDateTime start = next.isAfter(now) ? next : now;
            jdbc.update("UPDATE provider_pace SET next_start = ? WHERE provider = ?", start.plus(spacing), provider);
            return Duration.between(now, start);
        });
    }

    /** Its own statement, outside the booking's transaction: PostgreSQL aborts a transaction whose insert collides. */
    private void ensureRow(String provider) {
        try {
            jdbc.update("INSERT INTO provider_pace (provider, next_start) VALUES (?, CURRENT_TIMESTAMP)", provider);
        } catch (DuplicateKeyException anotherWorkerWasFirst) {
            // the row is there: that is all this wanted
        }
    }
}
