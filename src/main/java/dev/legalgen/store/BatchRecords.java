package dev.legalgen.store;

import dev.legalgen.provider.Bill;
import dev.legalgen.provider.ProviderBatch;
import dev.legalgen.provider.Route;
import dev.legalgen.provider.TokenUsage;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code batch_file} and {@code batch_line} tables of batch mode: each file recorded with its slots before it is
 * uploaded, its ids as soon as the provider gives them, its results in one transaction with their spend. Every write
 * commits on its own, whatever transaction its caller is in, so that nothing the provider was asked for or billed is
 * forgotten by a rolled-back chunk or a crash.
 */
@Component
public class BatchRecords {

    private static final String PROBLEM_SEPARATOR = "\n";
    /** Lines are written in JDBC batches of this many. */
    private static final int WRITE_BATCH = 500;

    private static final String FILE_COLUMNS = "id, job_instance_id, batch_round, seq, provider, model, line_count,"
            + " worst_case_tokens, worst_case_usd, input_file_id, provider_batch_id, status, completed_lines,"
            + " failed_lines, output_file_id, error_file_id, error_summary, ingested";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public BatchRecords(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A file of one round, as recorded. {@code status} is {@code prepared}, {@code uploaded} or the provider's. */
    public record FileRow(
            long id,
            long jobInstanceId,
            int round,
            int seq,
            String provider,
            String model,
            int lineCount,
            Bill worstCase,
            String inputFileId,
            String providerBatchId,
            String status,
            int completedLines,
            int failedLines,
            String outputFileId,
            String errorFileId,
            String errorSummary,
            boolean ingested) {

        public static final String PREPARED = "prepared";
        public static final String UPLOADED = "uploaded";

        public Route route() {
            return new Route(provider, model);
        }

        /** The provider's batch has ended (completed, failed, expired or cancelled). */
        public boolean ended() {
            return ProviderBatch.isTerminal(status);
        }
    }

    /** What the provider gave back for one line, as the ingest records it. */
    public record ResultLine(int slot, LineOutcome outcome, String problem, String content, String model, Bill bill) {

        /** The provider billed it: it answered, usable or not. */
        boolean billed() {
            return outcome == LineOutcome.ANSWERED
                    || outcome == LineOutcome.TRUNCATED
                    || outcome == LineOutcome.UNUSABLE;
        }
    }

    /** An answered line waiting for its verdict, with what its slot's lines of this round and earlier ones cost. */
    public record Answer(int slot, int round, Route route, String content, Bill slotBill) {}

    /** How the last line of a slot before a round ended, when it tells the next round how to ask. */
    public record PriorLine(int slot, LineOutcome outcome, String problem) {

        /** The reasons its answer was refused, as {@link #judged} recorded them. */
        public List<String> problems() {
            return problem == null ? List.of() : List.of(problem.split(PROBLEM_SEPARATOR));
        }
    }

    /** Records a new file of {@code slots} (in this order), before anything is sent: status {@code prepared}. */
    public FileRow prepare(
            long jobInstanceId,
            int round,
            int seq,
            Route route,
            List<Integer> slots,
            Bill worstCase,
            long executionId,
            Instant at) {
        return ownTransaction.execute(status -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                    con -> {
                        PreparedStatement ps = con.prepareStatement(
                                "INSERT INTO batch_file (job_instance_id, batch_round, seq, provider, model,"
                                        + " line_count, worst_case_tokens, worst_case_usd, status, submitted_by,"
                                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                new String[] {"id"});
                        ps.setLong(1, jobInstanceId);
                        ps.setInt(2, round);
                        ps.setInt(3, seq);
                        ps.setString(4, route.provider());
                        ps.setString(5, route.model());
                        ps.setInt(6, slots.size());
                        ps.setLong(7, worstCase.tokens().total());
                        ps.setBigDecimal(8, worstCase.costUsd());
                        ps.setString(9, FileRow.PREPARED);
                        ps.setLong(10, executionId);
                        ps.setObject(11, utc(at));
                        ps.setObject(12, utc(at));
                        return ps;
                    },
                    key);
            long fileId = key.getKey().longValue();
            jdbc.batchUpdate(
                    "INSERT INTO batch_line (job_instance_id, slot, batch_round, batch_file_id) VALUES (?, ?, ?, ?)",
                    slots,
                    WRITE_BATCH,
                    (ps, slot) -> {
                        ps.setLong(1, jobInstanceId);
                        ps.setInt(2, slot);
                        ps.setInt(3, round);
                        ps.setLong(4, fileId);
                    });
            return file(fileId);
        });
    }

    /** The provider stored the file's lines as {@code inputFileId}. */
    public void uploaded(long fileId, String inputFileId, Instant at) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE batch_file SET input_file_id = ?, status = ?, updated_at = ? WHERE id = ?",
                inputFileId,
                FileRow.UPLOADED,
                utc(at),
                fileId));
    }

    /** The provider's batch of the file, as created or last polled. */
    public void batch(long fileId, ProviderBatch batch, Instant at) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "UPDATE batch_file SET provider_batch_id = ?, status = ?, completed_lines = ?, failed_lines = ?,"
                        + " output_file_id = ?, error_file_id = ?, error_summary = ?, updated_at = ? WHERE id = ?",
                batch.id(),
                batch.status(),
                batch.completed(),
                batch.failed(),
                batch.outputFileId(),
                batch.errorFileId(),
                batch.errorSummary() == null ? null : truncate(batch.errorSummary(), 2000),
                utc(at),
                fileId));
    }

    public FileRow file(long fileId) {
        return jdbc.queryForObject(
                "SELECT " + FILE_COLUMNS + " FROM batch_file WHERE id = ?", BatchRecords::fileRow, fileId);
    }

    /** The instance's files, round by round, in the order they were made. */
    public List<FileRow> files(long jobInstanceId) {
        return jdbc.query(
                "SELECT " + FILE_COLUMNS + " FROM batch_file WHERE job_instance_id = ? ORDER BY batch_round, seq",
                BatchRecords::fileRow,
                jobInstanceId);
    }

    public List<FileRow> files(long jobInstanceId, int round) {
        return jdbc.query(
                "SELECT " + FILE_COLUMNS + " FROM batch_file WHERE job_instance_id = ? AND batch_round = ?"
                        + " ORDER BY seq",
                BatchRecords::fileRow,
                jobInstanceId,
                round);
    }

    /** The slots of a file, in the order they were recorded. */
    public List<Integer> slots(long fileId) {
        return jdbc.queryForList(
                "SELECT slot FROM batch_line WHERE batch_file_id = ? ORDER BY slot", Integer.class, fileId);
    }

    /** The slots asked for in a round so far. */
    public BitSet slotsIn(long jobInstanceId, int round) {
        BitSet slots = new BitSet();
        jdbc.query(
                "SELECT slot FROM batch_line WHERE job_instance_id = ? AND batch_round = ?",
                rs -> {
                    slots.set(rs.getInt(1));
                },
                jobInstanceId,
                round);
        return slots;
    }

    /** The lines of {@code round} that tell the next round to ask differently: rejected and truncated ones. */
    public Map<Integer, PriorLine> priorLines(long jobInstanceId, int round) {
        Map<Integer, PriorLine> lines = new HashMap<>();
        jdbc.query(
                "SELECT slot, outcome, problem FROM batch_line WHERE job_instance_id = ? AND batch_round = ?"
                        + " AND outcome IN (?, ?)",
                rs -> {
                    lines.put(
                            rs.getInt(1),
                            new PriorLine(rs.getInt(1), LineOutcome.of(rs.getString(2)), rs.getString(3)));
                },
                jobInstanceId,
                round,
                LineOutcome.REJECTED.column(),
                LineOutcome.TRUNCATED.column());
        return lines;
    }

    /**
     * Records a file's results and their spend ({@code provider_call}, at the batch price), then marks the file
     * ingested: {@code results} gives each line to the consumer it is handed, in any order. Lines are recorded with
     * their spend in transactions of {@value #WRITE_BATCH}, so that a file of 50,000 lines holds neither memory nor
     * locks for its whole length; a line recorded already (the same custom id twice, or a file read again after a
     * crash) is neither recorded nor billed again. The file's lines in no result are {@code missing}, with
     * {@code missingProblem}, in the last transaction, which marks the file ingested.
     *
     * @return the count of each outcome recorded
     */
    public Map<LineOutcome, Integer> ingest(
            FileRow file, long executionId, String missingProblem, Instant at, Consumer<Consumer<ResultLine>> results) {
        Map<LineOutcome, Integer> counts = new EnumMap<>(LineOutcome.class);
        List<ResultLine> pending = new ArrayList<>(WRITE_BATCH);
        results.accept(line -> {
            pending.add(line);
            if (pending.size() == WRITE_BATCH) {
                ownTransaction.executeWithoutResult(status -> write(file, executionId, at, pending, counts));
                pending.clear();
            }
        });
        ownTransaction.executeWithoutResult(status -> {
            write(file, executionId, at, pending, counts);
            int missing = jdbc.update(
                    "UPDATE batch_line SET outcome = ?, problem = ? WHERE batch_file_id = ? AND outcome IS NULL",
                    LineOutcome.MISSING.column(),
                    truncate(missingProblem, 4000),
                    file.id());
            if (missing > 0) {
                counts.merge(LineOutcome.MISSING, missing, Integer::sum);
            }
            jdbc.update("UPDATE batch_file SET ingested = TRUE, updated_at = ? WHERE id = ?", utc(at), file.id());
        });
        return counts;
    }

    private void write(
            FileRow file, long executionId, Instant at, List<ResultLine> lines, Map<LineOutcome, Integer> counts) {
        if (lines.isEmpty()) {
            return;
        }
        int[] updated = jdbc.batchUpdate(
                "UPDATE batch_line SET outcome = ?, problem = ?, content = ?, model = ?, prompt_tokens = ?,"
                        + " completion_tokens = ?, reasoning_tokens = ?, cost_usd = ?"
                        + " WHERE job_instance_id = ? AND slot = ? AND batch_round = ? AND batch_file_id = ?"
                        + " AND outcome IS NULL",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ResultLine line = lines.get(i);
                        TokenUsage tokens = line.bill().tokens();
                        ps.setString(1, line.outcome().column());
                        ps.setString(2, line.problem() == null ? null : truncate(line.problem(), 4000));
                        ps.setString(3, line.content());
                        ps.setString(4, line.model());
                        ps.setLong(5, tokens.prompt());
                        ps.setLong(6, tokens.completion());
                        ps.setLong(7, tokens.reasoning());
                        ps.setBigDecimal(8, line.bill().costUsd());
                        ps.setLong(9, file.jobInstanceId());
                        ps.setInt(10, line.slot());
                        ps.setInt(11, file.round());
                        ps.setLong(12, file.id());
                    }

                    @Override
                    public int getBatchSize() {
                        return lines.size();
                    }
                });
        List<ResultLine> billed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (updated[i] == 1) { // 0: not a line of this file, or one recorded already
                counts.merge(lines.get(i).outcome(), 1, Integer::sum);
                if (lines.get(i).billed()) {
                    billed.add(lines.get(i));
                }
            }
        }
        jdbc.batchUpdate(
                SpendLedger.INSERT,
                billed,
                WRITE_BATCH,
                (ps, line) -> SpendLedger.bind(
                        ps,
                        file.jobInstanceId(),
                        executionId,
                        new Route(file.provider(), line.model() == null ? file.model() : line.model()),
                        line.bill(),
                        at));
    }

    /**
     * Up to {@code limit} answered lines of a round after slot {@code afterSlot}, in slot order, whose slots have no
     * committed sample: what the ingest step judges next, each with what its slot's lines cost up to this round.
     */
    public List<Answer> answers(long jobInstanceId, int round, int afterSlot, int limit) {
        record Line(int slot, Route route, String content) {}
        List<Line> lines = jdbc.query(
                "SELECT l.slot, f.provider, l.model, l.content"
                        + " FROM batch_line l JOIN batch_file f ON f.id = l.batch_file_id"
                        + " WHERE l.job_instance_id = ? AND l.batch_round = ? AND l.outcome = ? AND l.slot > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM legal_sample s"
                        + " WHERE s.job_instance_id = l.job_instance_id AND s.slot = l.slot)"
                        // in the primary key's order, which H2 then reads in place: ORDER BY slot alone made it sort
                        // every remaining line of the round, content and all, for each page
                        + " ORDER BY l.job_instance_id, l.slot LIMIT ?",
                (rs, row) -> new Line(rs.getInt(1), new Route(rs.getString(2), rs.getString(3)), rs.getString(4)),
                jobInstanceId,
                round,
                LineOutcome.ANSWERED.column(),
                afterSlot,
                limit);
        if (lines.isEmpty()) {
            return List.of();
        }
        // the bills of the page's slots only: a range of the primary key, however many lines the instance has
        Map<Integer, Bill> bills = new HashMap<>();
        jdbc.query(
                "SELECT slot, SUM(prompt_tokens), SUM(completion_tokens), SUM(reasoning_tokens), SUM(cost_usd),"
                        + " COUNT(*) - COUNT(cost_usd) FROM batch_line WHERE job_instance_id = ? AND slot BETWEEN ? AND ?"
                        + " AND batch_round <= ? AND outcome IS NOT NULL GROUP BY slot",
                rs -> {
                    bills.put(
                            rs.getInt(1),
                            new Bill(
                                    new TokenUsage(rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                                    rs.getLong(6) > 0 ? null : rs.getBigDecimal(5)));
                },
                jobInstanceId,
                lines.get(0).slot(),
                lines.get(lines.size() - 1).slot(),
                round);
        return lines.stream()
                .map(line -> new Answer(line.slot(), round, line.route(), line.content(), bills.get(line.slot())))
                .toList();
    }

    /**
     * The ingest's verdict on an answered line that gave no sample: {@link LineOutcome#REJECTED} or INVALID, and why
     * (each problem one line).
     */
    public void judged(long jobInstanceId, int slot, int round, LineOutcome outcome, List<String> problems) {
        String problem = String.join(PROBLEM_SEPARATOR, problems);
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE batch_line SET outcome = ?, problem = ? WHERE job_instance_id = ? AND slot = ?"
                        + " AND batch_round = ?",
                outcome.column(),
                truncate(problem, 4000),
                jobInstanceId,
                slot,
                round));
    }

    /** How many lines of each round ended how: round → outcome → lines; lines not ingested yet are left out. */
    public Map<Integer, Map<LineOutcome, Long>> outcomes(long jobInstanceId) {
        Map<Integer, Map<LineOutcome, Long>> rounds = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT batch_round, outcome, COUNT(*) FROM batch_line WHERE job_instance_id = ?"
                        + " AND outcome IS NOT NULL GROUP BY batch_round, outcome",
                rs -> {
                    rounds.computeIfAbsent(rs.getInt(1), round -> new EnumMap<>(LineOutcome.class))
                            .put(LineOutcome.of(rs.getString(2)), rs.getLong(3));
                },
                jobInstanceId);
        return rounds;
    }

    /** The worst case of the instance's files not ingested yet, sent or about to be: what may still be billed. */
    public Bill inFlight(long jobInstanceId) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(worst_case_tokens), 0), COALESCE(SUM(worst_case_usd), 0) FROM batch_file"
                        + " WHERE job_instance_id = ? AND ingested = FALSE",
                (rs, row) -> new Bill(new TokenUsage(0, rs.getLong(1), 0), rs.getBigDecimal(2)),
                jobInstanceId);
    }

    private static FileRow fileRow(ResultSet rs, int row) throws SQLException {
        BigDecimal worstUsd = rs.getBigDecimal(9);
        return new FileRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                new Bill(new TokenUsage(0, rs.getLong(8), 0), worstUsd),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getInt(13),
                rs.getInt(14),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                rs.getBoolean(18));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
