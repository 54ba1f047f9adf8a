package dev.legalgen.store;

import dev.legalgen.provider.Bill;
import dev.legalgen.provider.Route;
import dev.legalgen.provider.TokenUsage;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code provider_call} table: one row per call a provider billed, committed in a transaction of its own as soon
 * as the call is answered, so that a crash or a rolled-back chunk never takes a paid call out of the run's spend, and
 * a restart never counts one twice.
 */
@Component
public class SpendLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public SpendLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What every execution of an instance spent on one route: {@code unpricedCalls} of its calls have no cost. */
    public record RouteSpend(String provider, String model, long calls, long unpricedCalls, Bill bill) {}

    /** One billed call's row; batch lines are written with it too, in their ingest's transaction. */
    static final String INSERT = "INSERT INTO provider_call (job_instance_id, job_execution_id, provider, model,"
            + " prompt_tokens, completion_tokens, reasoning_tokens, cost_usd, billed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public void record(long jobInstanceId, long jobExecutionId, Route route, Bill bill, Instant billedAt) {
        ownTransaction.executeWithoutResult(
                status -> jdbc.update(INSERT, ps -> bind(ps, jobInstanceId, jobExecutionId, route, bill, billedAt)));
    }

    /** Sets the parameters of {@link #INSERT}. */
    static void bind(
            PreparedStatement ps, long jobInstanceId, long jobExecutionId, Route route, Bill bill, Instant billedAt)
            throws SQLException {
        TokenUsage tokens = bill.tokens();
        ps.setLong(1, jobInstanceId);
        ps.setLong(2, jobExecutionId);
        ps.setString(3, route.provider());
        ps.setString(4, route.model());
        ps.setLong(5, tokens.prompt());
        ps.setLong(6, tokens.completion());
        ps.setLong(7, tokens.reasoning());
        ps.setBigDecimal(8, bill.costUsd());
        ps.setObject(9, billedAt.atOffset(ZoneOffset.UTC));
    }

    /** The instance's spend per route, in provider and model order; the cost of a route counts its priced calls. */
    public List<RouteSpend> spentBy(long jobInstanceId) {
        return jdbc.query(
                "SELECT provider, model, COUNT(*), COUNT(*) - COUNT(cost_usd), SUM(prompt_tokens),"
                        + " SUM(completion_tokens), SUM(reasoning_tokens), COALESCE(SUM(cost_usd), 0)"
                        + " FROM provider_call WHERE job_instance_id = ? GROUP BY provider, model ORDER BY provider, model",
                (rs, row) -> new RouteSpend(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        new Bill(new TokenUsage(rs.getLong(5), rs.getLong(6), rs.getLong(7)), rs.getBigDecimal(8))),
                jobInstanceId);
    }

    /** What the instance spent and kept. */
    public Spend spendOf(long jobInstanceId) {
        List<RouteSpend> routes = spentBy(jobInstanceId);
        return new Spend(routes, total(routes), keptBy(jobInstanceId));
    }

    /** What the instance's committed samples cost: the part of the spend that was kept. */
    private Bill keptBy(long jobInstanceId) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0),"
                        + " COALESCE(SUM(reasoning_tokens), 0), COALESCE(SUM(cost_usd), 0)"
                        + " FROM legal_sample WHERE job_instance_id = ?",
                (rs, row) -> new Bill(
                        new TokenUsage(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                        rs.getBigDecimal(4).stripTrailingZeros()),
                jobInstanceId);
    }

    /** The sum of {@code spends}, priced or not: a cost for the calls that have one. */
    public static Bill total(List<RouteSpend> spends) {
        TokenUsage tokens = TokenUsage.NONE;
        BigDecimal cost = BigDecimal.ZERO;
        for (RouteSpend spend : spends) {
            tokens = tokens.plus(spend.bill().tokens());
            cost = cost.add(spend.bill().costUsd());
        }
        return new Bill(tokens, cost);
    }
}
