package dev.legalgen.quality.dedup;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The row of {@code duplicate_index_dataset} that serialises a dataset's claims: locked until the caller's
 * transaction ends, in every process that shares the database.
 */
final class DatasetLocks {

    private static final String LOCK = "SELECT id FROM duplicate_index_dataset WHERE dataset = ? FOR UPDATE";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    DatasetLocks(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Locks the dataset's row, creating it on the dataset's first claim; its id. */
    long lock(String dataset) {
        return locked(dataset).orElseGet(() -> {
            create(dataset);
            return locked(dataset).orElseThrow();
        });
    }

    /** The dataset's id without locking it, if it ever had a claim. */
    Optional<Long> find(String dataset) {
        return first(jdbc.queryForList(
                "SELECT id FROM duplicate_index_dataset WHERE dataset = ? FOR UPDATE", Long.class, dataset));
    }

    private Optional<Long> locked(String dataset) {
        return first(jdbc.queryForList(LOCK, Long.class, dataset));
    }

    /**
     * Inserts the row in a transaction of its own, committed at once: a failed insert would abort the caller's
     * transaction on PostgreSQL. Another process creating it at the same moment makes ours a duplicate: as good.
     */
    private void create(String dataset) {
        try {
            ownTransaction.executeWithoutResult(
                    status -> jdbc.update("INSERT INTO duplicate_index_dataset (dataset) VALUES (?)", dataset));
        } catch (DuplicateKeyException createdMeanwhile) {
            // the other creator's row is committed: the caller locks that one
        }
    }

    private static Optional<Long> first(List<Long> ids) {
        return ids.stream().findFirst();
    }
}
