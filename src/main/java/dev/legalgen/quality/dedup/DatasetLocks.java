package dev.legalgen.quality.dedup;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The row of {@code duplicate_index_dataset} that serialises a dataset's claims: locked until the caller's
 * transaction ends, in every process that shares the database. The row is created outside that transaction
 * ({@link #open}): creating it inside would need a second connection while holding the first, which many threads
 * accepting their first samples at once would take from the pool until none is left.
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

    private final Set<String> opened = ConcurrentHashMap.newKeySet();

    /** Creates the dataset's row unless this process has seen it; outside any transaction. */
    void open(String dataset) {
        if (!opened.contains(dataset)) {
            create(dataset);
            opened.add(dataset);
        }
    }

    /** Locks the dataset's row, which {@link #open} created; its id. */
    long lock(String dataset) {
        return locked(dataset)
                .orElseThrow(() -> new IllegalStateException(
                        "the duplicate index of dataset '" + dataset + "' was not opened before its first claim"));
    }

    private Optional<Long> locked(String dataset) {
        return first(jdbc.queryForList(LOCK, Long.class, dataset));
    }

    /** Inserts the row, committed at once. Another thread or process creating it at the same moment: as good. */
    private void create(String dataset) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("DuplicateIndex.open must run outside a transaction: it commits at once");
        }
        if (!jdbc.queryForList("SELECT id FROM duplicate_index_dataset WHERE dataset = ?", Long.class, dataset)
                .isEmpty()) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(
                    status -> jdbc.update("INSERT INTO duplicate_index_dataset (dataset) VALUES (?)", dataset));
        } catch (DuplicateKeyException createdMeanwhile) {
            // the other creator's row is committed: claims lock that one
        }
    }

    private static Optional<Long> first(List<Long> ids) {
        return ids.stream().findFirst();
    }
}
