package dev.legalgen.store;

import dev.legalgen.generation.LegalSample;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The {@code legal_sample} table: chunk inserts, counts and streaming reads. */
@Component
public class SampleStore implements ItemWriter<LegalSample> {

    private static final String COLUMNS = "id, job_instance_id, slot, batch_id, provider, model, practice_area, topic,"
            + " difficulty, question, answer, reasoning, case_citation, tokens_used, latency_ms, created_at, updated_at";
    private static final String INSERT =
            "INSERT INTO legal_sample (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final RowMapper<LegalSample> ROW_MAPPER = SampleStore::mapRow;

    private final JdbcTemplate jdbc;

    public SampleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a chunk in the step's transaction (the JdbcTemplate joins it), so the rows and the
     * step's checkpoint commit or roll back together. A duplicate slot violates the unique key:
     * that would be a bug, and it fails the chunk loudly rather than writing twice.
     */
    @Override
    public void write(Chunk<? extends LegalSample> chunk) {
        jdbc.batchUpdate(INSERT, chunk.getItems(), chunk.size(), (ps, s) -> {
            ps.setString(1, s.id());
            ps.setLong(2, s.jobInstanceId());
            ps.setInt(3, s.slot());
            ps.setString(4, s.batchId());
            ps.setString(5, s.provider());
            ps.setString(6, s.model());
            ps.setString(7, s.practiceArea());
            ps.setString(8, s.topic());
            ps.setString(9, s.difficulty());
            ps.setString(10, s.question());
            ps.setString(11, s.answer());
            ps.setString(12, s.reasoning());
            ps.setString(13, s.caseCitation());
            ps.setInt(14, s.tokensUsed());
            ps.setLong(15, s.latencyMs());
            ps.setObject(16, s.createdAt().atOffset(ZoneOffset.UTC));
            ps.setObject(17, s.updatedAt().atOffset(ZoneOffset.UTC));
        });
    }

    public long count(long jobInstanceId) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM legal_sample WHERE job_instance_id = ?", Long.class, jobInstanceId);
        return count == null ? 0 : count;
    }

    /** Whether any chunk of any instance has committed a sample. */
    public boolean hasAny() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM legal_sample)", Boolean.class));
    }

    /** Streams an instance's samples in slot order without holding them in memory. */
    public void forEach(long jobInstanceId, Consumer<LegalSample> consumer) {
        jdbc.query(
                con -> {
                    java.sql.PreparedStatement ps = con.prepareStatement(
                            "SELECT " + COLUMNS + " FROM legal_sample WHERE job_instance_id = ? ORDER BY slot");
                    ps.setLong(1, jobInstanceId);
                    ps.setFetchSize(500);
                    return ps;
                },
                rs -> {
                    consumer.accept(mapRow(rs, 0));
                });
    }

    /** The most recent samples of all instances, newest first (for the REST API). */
    public List<LegalSample> latest(int limit, int offset) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM legal_sample ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                ROW_MAPPER,
                limit,
                offset);
    }

    private static LegalSample mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new LegalSample(
                rs.getString("id"),
                rs.getLong("job_instance_id"),
                rs.getInt("slot"),
                rs.getString("batch_id"),
                rs.getString("provider"),
                rs.getString("model"),
                rs.getString("practice_area"),
                rs.getString("topic"),
                rs.getString("difficulty"),
                rs.getString("question"),
                rs.getString("answer"),
                rs.getString("reasoning"),
                rs.getString("case_citation"),
                rs.getInt("tokens_used"),
                rs.getLong("latency_ms"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
