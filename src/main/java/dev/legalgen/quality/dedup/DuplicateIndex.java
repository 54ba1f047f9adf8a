package dev.legalgen.quality.dedup;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The questions claimed for each dataset, kept in the database so that repeats are refused across restarts,
 * partitions and processes. A dataset is {@link #open opened} outside any transaction; then {@link #claim} runs in
 * the caller's transaction and must be called inside one (the one that journals the accepted answer): the dataset's
 * claims are serialised from the check to that transaction's end, so of two slots claiming the same question at once one gets {@code UNIQUE}, the other {@code EXACT}. Needs
 * READ COMMITTED (the default of H2 and PostgreSQL), under which the second sees the first's claim once it has the
 * lock. Nothing per question is kept in memory.
 */
@Component
public class DuplicateIndex {

    private final DatasetLocks locks;
    private final ClaimTables claims;
    private final NearDuplicateRule rule;

    public DuplicateIndex(
            JdbcTemplate jdbc, PlatformTransactionManager transactionManager, DuplicateSettings settings) {
        this.locks = new DatasetLocks(jdbc, transactionManager);
        this.claims = new ClaimTables(jdbc);
        this.rule = new NearDuplicateRule(settings.nearDuplicateThreshold());
    }

    /** Readies the dataset for claims: call before the transaction of its first claim in this process, outside it. */
    public void open(String dataset) {
        locks.open(dataset);
    }

    /**
     * Checks {@code question} against every other claim of {@code key}'s dataset, committed or in flight. Unique: it
     * becomes the slot's claim, replacing the slot's earlier one (a re-ask); a slot never repeats its own claim, so
     * a restart that reuses a journaled answer finds it unique. A repeat: the verdict names the claim it repeats, and
     * the slot keeps what it held.
     */
    public DuplicateVerdict claim(DuplicateKey key, String question) {
        requireTransaction("claim");
        NormalisedQuestion normalised = NormalisedQuestion.of(question);
        IndexKeys keys = IndexKeys.of(normalised);
        long datasetId = locks.lock(key.dataset());
        DuplicateVerdict verdict = DuplicateVerdict.unique();
        for (ClaimTables.Claim earlier : claims.candidates(datasetId, key, keys.lookup())) {
            Optional<DuplicateVerdict> repeat = rule.compare(normalised, earlier.question(), earlier.place());
            if (repeat.isPresent() && stronger(repeat.get(), verdict)) {
                verdict = repeat.get();
            }
        }
        if (!verdict.isDuplicate()) {
            Optional<NormalisedQuestion> held = claims.question(datasetId, key);
            if (held.isEmpty()) {
                claims.insert(datasetId, key, normalised, keys.stored());
            } else if (!held.get().equals(normalised)) {
                claims.replace(datasetId, key, IndexKeys.of(held.get()).stored(), normalised, keys.stored());
            }
        }
        return verdict;
    }

    /** An exact repeat before a near one, then the most similar; the first found (lowest instance, slot) on a tie. */
    private static boolean stronger(DuplicateVerdict candidate, DuplicateVerdict best) {
        if (!best.isDuplicate()) {
            return true;
        }
        if (candidate.kind() != best.kind()) {
            return candidate.kind() == DuplicateVerdict.Kind.EXACT;
        }
        return candidate.similarity() > best.similarity();
    }

    private static void requireTransaction(String operation) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("DuplicateIndex." + operation + " must run inside a transaction: the"
                    + " dataset's lock is held until it ends, which makes the check and the claim one step");
        }
    }
}
