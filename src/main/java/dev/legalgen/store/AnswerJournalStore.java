package dev.legalgen.store;

import dev.legalgen.generation.AnswerJournal;
import dev.legalgen.generation.LegalSample;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code answer_journal} table. Rows are written as answers are accepted, in the accepting transaction (never the
 * chunk's), and deleted by the chunk transaction that commits their slots ({@link SampleStore#write}).
 */
@Component
public class AnswerJournalStore implements AnswerJournal {

    private static final String INSERT = "INSERT INTO answer_journal (" + SampleRows.COLUMNS + ", job_execution_id)"
            + " VALUES (" + SampleRows.PLACEHOLDERS + ", ?)";
    // At most one row per slot unless a failed execution's last answer landed after its restart asked
    // again: then either was paid for, and the oldest is as good as any.
    private static final String FIND = "SELECT " + SampleRows.COLUMNS + " FROM answer_journal"
            + " WHERE job_instance_id = ? AND slot = ? ORDER BY job_execution_id LIMIT 1";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate callersTransaction;

    public AnswerJournalStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.callersTransaction = new TransactionTemplate(transactionManager);
        this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
    }

    @Override
    public Optional<LegalSample> find(long jobInstanceId, int slot) {
        return jdbc.query(FIND, SampleRows::map, jobInstanceId, slot).stream().findFirst();
    }

    /** The slots with a journaled answer. */
    public BitSet journaledSlots(long jobInstanceId) {
        BitSet slots = new BitSet();
        jdbc.query(
                "SELECT slot FROM answer_journal WHERE job_instance_id = ?",
                rs -> {
                    slots.set(rs.getInt(1));
                },
                jobInstanceId);
        return slots;
    }

    @Override
    public void record(LegalSample sample, long paidByExecutionId) {
        callersTransaction.executeWithoutResult(status -> jdbc.update(INSERT, ps -> {
            SampleRows.bind(ps, sample);
            ps.setLong(SampleRows.COLUMN_COUNT + 1, paidByExecutionId);
        }));
    }

    /** Deletes the rows of these samples' slots, in the caller's transaction: the one that inserts them. */
    void prune(List<? extends LegalSample> samples) {
        jdbc.batchUpdate(
                "DELETE FROM answer_journal WHERE job_instance_id = ? AND slot = ?",
                samples,
                samples.size(),
                (ps, s) -> {
                    ps.setLong(1, s.jobInstanceId());
                    ps.setInt(2, s.slot());
                });
    }
}
