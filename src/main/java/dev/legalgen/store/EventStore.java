package dev.legalgen.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code generation_event} table: switches, breaker transitions, skips and failures. */
@Component
public class EventStore {

    private static final int MAX_REASON = 500;

    private final JdbcTemplate jdbc;

    public EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One event row; {@code category} is a failure's or skip's category, or the state a {@code breaker_transition}
     * moved to; {@code reason} is short and must never carry a key (callers pass classified text).
     */
    public record Event(
            long jobInstanceId,
            long jobExecutionId,
            Instant occurredAt,
            String kind,
            String provider,
            String model,
            String category,
            Integer slot,
            String reason) {}

    /** Written outside the chunk transaction: an event stays even when its chunk rolls back. */
    public void record(Event event) {
        String reason = event.reason() == null ? "" : event.reason();
        jdbc.update(
                "INSERT INTO generation_event (job_instance_id, job_execution_id, occurred_at, kind, provider,"
                        + " model, category, slot, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.jobInstanceId(),
                event.jobExecutionId(),
                event.occurredAt().atOffset(ZoneOffset.UTC),
                event.kind(),
                event.provider(),
                event.model(),
                event.category(),
                event.slot(),
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
    }

    /** For each slot skipped at least once, the category of its latest skip. */
    public Map<Integer, String> lastSkipCategoryBySlot(long jobInstanceId) {
        Map<Integer, String> categories = new HashMap<>();
        jdbc.query(
                "SELECT slot, category FROM generation_event WHERE job_instance_id = ? AND kind = 'skip'"
                        + " AND slot IS NOT NULL ORDER BY id",
                rs -> {
                    categories.put(rs.getInt(1), rs.getString(2));
                },
                jobInstanceId);
        return categories;
    }

    /** Events of an instance counted by kind and category, e.g. {@code skip/invalid_output=3}. */
    public Map<String, Long> countsByKind(long jobInstanceId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(
                "SELECT kind, category, COUNT(*) AS n FROM generation_event WHERE job_instance_id = ?"
                        + " GROUP BY kind, category",
                rs -> {
                    String category = rs.getString("category");
                    counts.put(rs.getString("kind") + (category == null ? "" : "/" + category), rs.getLong("n"));
                },
                jobInstanceId);
        return counts;
    }

    /** A route's failures by category, e.g. {@code server_error=3}: over the instance, and since a moment. */
    public record RouteFailures(Map<String, Long> all, Map<String, Long> recent) {}

    /**
     * Failures of an instance per route ({@code provider:model}), counted by category over the instance and over
     * those at or after {@code recentSince} (a category without recent failures left out), in one read.
     */
    public Map<String, RouteFailures> failuresByRoute(long jobInstanceId, Instant recentSince) {
        Map<String, RouteFailures> counts = new TreeMap<>();
        jdbc.query(
                "SELECT provider, model, category, COUNT(*) AS n,"
                        + " SUM(CASE WHEN occurred_at >= ? THEN 1 ELSE 0 END) AS recent FROM generation_event"
                        + " WHERE job_instance_id = ? AND kind = 'failure' AND provider IS NOT NULL"
                        + " GROUP BY provider, model, category",
                rs -> {
                    String route = rs.getString("provider") + ":" + rs.getString("model");
                    String category = rs.getString("category") == null ? "unclassified" : rs.getString("category");
                    RouteFailures failures =
                            counts.computeIfAbsent(route, r -> new RouteFailures(new TreeMap<>(), new TreeMap<>()));
                    failures.all().put(category, rs.getLong("n"));
                    if (rs.getLong("recent") > 0) {
                        failures.recent().put(category, rs.getLong("recent"));
                    }
                },
                recentSince.atOffset(ZoneOffset.UTC),
                jobInstanceId);
        return counts;
    }

    /** A breaker's latest transition as a process of the run recorded it: the state it moved to, and when. */
    public record BreakerReport(String state, Instant at) {}

    /**
     * Per route ({@code provider:model}), the latest breaker transition recorded by any process running {@code
     * jobExecutionId} (of {@code jobInstanceId}, which the table's index starts with); transitions recorded before
     * their state was ({@code category} null) are left out.
     */
    public Map<String, BreakerReport> latestBreakerStates(long jobInstanceId, long jobExecutionId) {
        Map<String, BreakerReport> states = new TreeMap<>();
        jdbc.query(
                "SELECT provider, model, category, occurred_at FROM generation_event WHERE job_instance_id = ?"
                        + " AND job_execution_id = ? AND kind = 'breaker_transition' AND category IS NOT NULL"
                        + " ORDER BY id",
                rs -> {
                    states.put(
                            rs.getString("provider") + ":" + rs.getString("model"),
                            new BreakerReport(
                                    rs.getString("category"),
                                    rs.getObject("occurred_at", OffsetDateTime.class)
                                            .toInstant()));
                },
                jobInstanceId,
                jobExecutionId);
        return states;
    }

    /** The latest events of an instance of the given kinds, newest first. */
    public List<Event> latest(long jobInstanceId, List<String> kinds, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(jobInstanceId);
        args.addAll(kinds);
        args.add(limit);
        return jdbc.query(
                "SELECT * FROM generation_event WHERE job_instance_id = ? AND kind IN ("
                        + String.join(", ", Collections.nCopies(kinds.size(), "?"))
                        + ") ORDER BY id DESC LIMIT ?",
                EventStore::event,
                args.toArray());
    }

    /** The latest events of an instance, newest first. */
    public List<Event> latest(long jobInstanceId, int limit) {
        return jdbc.query(
                "SELECT * FROM generation_event WHERE job_instance_id = ? ORDER BY id DESC LIMIT ?",
                EventStore::event,
                jobInstanceId,
                limit);
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(
                rs.getLong("job_instance_id"),
                rs.getLong("job_execution_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("kind"),
                rs.getString("provider"),
                rs.getString("model"),
                rs.getString("category"),
                (Integer) rs.getObject("slot"),
                rs.getString("reason"));
    }
}
