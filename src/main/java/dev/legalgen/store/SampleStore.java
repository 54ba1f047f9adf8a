package dev.legalgen.store;

import dev.legalgen.generation.LegalSample;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code legal_sample} table: chunk inserts, counts and streaming reads. */
@Component
public class SampleStore implements ItemWriter<LegalSample> {

    private static final String INSERT =
            "INSERT INTO legal_sample (" + SampleRows.COLUMNS + ") VALUES (" + SampleRows.PLACEHOLDERS + ")";

    private final JdbcTemplate jdbc;
    private final AnswerJournalStore journal;

    public SampleStore(JdbcTemplate jdbc, AnswerJournalStore journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    /**
     * Inserts a chunk in the step's transaction (the JdbcTemplate joins it), so the rows and the
     * step's checkpoint commit or roll back together, and so does the pruning of the chunk's journaled
     * answers: they leave the journal exactly when they enter {@code legal_sample}. A duplicate slot
     * violates the unique key: that would be a bug, and it fails the chunk loudly rather than writing twice.
     */
    @Override
    public void write(Chunk<? extends LegalSample> chunk) {
        jdbc.batchUpdate(INSERT, chunk.getItems(), chunk.size(), SampleRows::bind);
        journal.prune(chunk.getItems());
    }

    public long count(long jobInstanceId) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM legal_sample WHERE job_instance_id = ?", Long.class, jobInstanceId);
        return count == null ? 0 : count;
    }

    /** The slots below {@code targetCount} that have no committed sample, in order; streamed, a bit per slot. */
    public List<Integer> missingSlots(long jobInstanceId, int targetCount) {
        BitSet committed = new BitSet(targetCount);
        jdbc.query(
                con -> {
                    java.sql.PreparedStatement ps =
                            con.prepareStatement("SELECT slot FROM legal_sample WHERE job_instance_id = ?");
                    ps.setLong(1, jobInstanceId);
                    ps.setFetchSize(5_000);
                    return ps;
                },
                rs -> {
                    committed.set(rs.getInt(1));
                });
        List<Integer> missing = new ArrayList<>();
        for (int slot = committed.nextClearBit(0); slot < targetCount; slot = committed.nextClearBit(slot + 1)) {
            missing.add(slot);
        }
        return missing;
    }

    /** Committed samples per practice area, topic label and difficulty: the keys are {@link #cellKey}s. */
    public Map<String, Long> countsByCell(long jobInstanceId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(
                "SELECT practice_area, topic, difficulty, COUNT(*) FROM legal_sample WHERE job_instance_id = ?"
                        + " GROUP BY practice_area, topic, difficulty",
                rs -> {
                    counts.put(cellKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                },
                jobInstanceId);
        return counts;
    }

    /** Committed samples by their {@code citation_check}, {@code unchecked} for those written with the check off. */
    public Map<String, Long> countsByCitationCheck(long jobInstanceId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(
                "SELECT COALESCE(citation_check, 'unchecked'), COUNT(*) FROM legal_sample WHERE job_instance_id = ?"
                        + " GROUP BY citation_check",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                jobInstanceId);
        return counts;
    }

    /** One key per cell of the plan, as {@link #countsByCell} uses them. */
    public static String cellKey(String practiceArea, String topicLabel, String difficulty) {
        return practiceArea + '\0' + topicLabel + '\0' + difficulty;
    }

    /** Whether any chunk of any instance has committed a sample. */
    public boolean hasAny() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM legal_sample)", Boolean.class));
    }

    /** Streams an instance's samples in slot order without holding them in memory. */
    public void forEach(long jobInstanceId, Consumer<LegalSample> consumer) {
        stream(jobInstanceId, "slot", consumer);
    }

    /**
     * Streams an instance's samples in the order they were committed, without holding them in memory: samples
     * committed later (by a restart or a backfill) come after every one committed before them.
     */
    public void forEachInCommitOrder(long jobInstanceId, Consumer<LegalSample> consumer) {
        stream(jobInstanceId, "commit_order", consumer);
    }

    private void stream(long jobInstanceId, String order, Consumer<LegalSample> consumer) {
        jdbc.query(
                con -> {
                    java.sql.PreparedStatement ps = con.prepareStatement("SELECT " + SampleRows.COLUMNS
                            + " FROM legal_sample WHERE job_instance_id = ? ORDER BY " + order);
                    ps.setLong(1, jobInstanceId);
                    ps.setFetchSize(500);
                    return ps;
                },
                rs -> {
                    consumer.accept(SampleRows.map(rs, 0));
                });
    }

    /** The most recent samples of all instances, newest first (for the REST API). */
    public List<LegalSample> latest(int limit, int offset) {
        return find(SampleFilter.ALL, limit, offset);
    }

    /** The most recent samples that match {@code filter}, newest first (for the REST API and the dashboard). */
    public List<LegalSample> find(SampleFilter filter, int limit, int offset) {
        SampleFilter.Where where = filter.where();
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        args.add(offset);
        return jdbc.query(
                "SELECT " + SampleRows.COLUMNS + " FROM legal_sample WHERE " + where.sql()
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                SampleRows::map,
                args.toArray());
    }

    /** How many samples match {@code filter}: the pages {@link #find} has. */
    public long count(SampleFilter filter) {
        SampleFilter.Where where = filter.where();
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM legal_sample WHERE " + where.sql(),
                Long.class,
                where.args().toArray());
        return count == null ? 0 : count;
    }
}
