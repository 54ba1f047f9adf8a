package dev.legalgen.store;

import dev.legalgen.generation.LegalSample;
import dev.legalgen.provider.Bill;
import dev.legalgen.provider.TokenUsage;
import dev.legalgen.quality.citation.CitationCheck;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The columns of a sample, shared by {@code legal_sample} and {@code answer_journal}, and their mapping. */
final class SampleRows {

    static final String COLUMNS = "id, job_instance_id, slot, batch_id, provider, model, practice_area, topic,"
            + " difficulty, question, answer, reasoning, case_citation, citation_check,"
            + " tokens_used, latency_ms, attempts, created_at, updated_at,"
            + " prompt_tokens, completion_tokens, reasoning_tokens, cost_usd";
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    /** Parameters {@link #bind} sets; further ones follow it. */
    static final int COLUMN_COUNT = 23;

    private SampleRows() {}

    /** Sets parameters 1 to {@value #COLUMN_COUNT} in the order of {@link #COLUMNS}. */
    static void bind(PreparedStatement ps, LegalSample s) throws SQLException {
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
        ps.setString(14, s.citationCheck() == null ? null : s.citationCheck().jsonName());
        ps.setLong(15, s.tokensUsed());
        ps.setLong(16, s.latencyMs());
        ps.setInt(17, s.attempts());
        ps.setObject(18, s.createdAt().atOffset(ZoneOffset.UTC));
        ps.setObject(19, s.updatedAt().atOffset(ZoneOffset.UTC));
        TokenUsage tokens = s.bill().tokens();
        ps.setLong(20, tokens.prompt());
        ps.setLong(21, tokens.completion());
        ps.setLong(22, tokens.reasoning());
        ps.setBigDecimal(23, s.bill().costUsd());
    }

    static LegalSample map(ResultSet rs, int rowNum) throws SQLException {
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
                rs.getString("citation_check") == null
                        ? null
                        : CitationCheck.fromJsonName(rs.getString("citation_check")),
                new Bill(
                        new TokenUsage(
                                rs.getLong("prompt_tokens"),
                                rs.getLong("completion_tokens"),
                                rs.getLong("reasoning_tokens")),
                        rs.getBigDecimal("cost_usd")),
                rs.getLong("latency_ms"),
                rs.getInt("attempts"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
