package dev.legalgen.quality.citation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code citation_lookup} table: a lookup's answer per normalised citation, so that each citation is looked up
 * once across runs and restarts. Only answers are kept (found, not found), never a failure or a throttled attempt.
 */
final class LookupCache {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    LookupCache(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // the answer was paid for with throttle budget: a chunk's rollback must not take it along
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<LookupOutcome> find(String citation) {
        return jdbc
                .query(
                        "SELECT outcome FROM citation_lookup WHERE citation = ?",
                        (row, index) -> LookupOutcome.valueOf(row.getString(1)),
                        citation)
                .stream()
                .findFirst();
    }

    void save(String citation, LookupOutcome outcome, Instant lookedUpAt) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO citation_lookup (citation, outcome, looked_up_at) VALUES (?, ?, ?)",
                    citation,
                    outcome.name(),
                    lookedUpAt.atOffset(ZoneOffset.UTC)));
        } catch (DuplicateKeyException alreadyThere) {
            // another thread or process looked the same citation up at the same time: its answer is as good
        }
    }
}
