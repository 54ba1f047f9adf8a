package dev.legalgen.remote;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which worker runs (or ran) each partition of a remote run, in {@code partition_claim}. The claim is an insert
 * on the step execution's id, so of two workers handed the same request (a redelivery), one runs it.
 */
@Component
public class PartitionClaims {

    private final JdbcTemplate jdbc;

    PartitionClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code worker} now holds the partition; false when another claimed it first. */
    boolean claim(long stepExecutionId, long jobExecutionId, WorkerIdentity worker, Instant now) {
        try {
            jdbc.update(
                    "INSERT INTO partition_claim (step_execution_id, job_execution_id, worker, claimed_at, heartbeat_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    stepExecutionId,
                    jobExecutionId,
                    worker.name(),
                    Timestamp.from(now),
                    Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException claimed) {
            return false;
        }
    }

    /** Renews the claims {@code worker} holds on these partitions. */
    void beat(Collection<Long> stepExecutionIds, WorkerIdentity worker, Instant now) {
        for (long id : stepExecutionIds) {
            jdbc.update(
                    "UPDATE partition_claim SET heartbeat_at = ? WHERE step_execution_id = ? AND worker = ?",
                    Timestamp.from(now),
                    id,
                    worker.name());
        }
    }

    /** The worker of each claimed partition of a job execution, by step execution id. */
    public Map<Long, String> workersOf(long jobExecutionId) {
        Map<Long, String> workers = new LinkedHashMap<>();
        jdbc.query(
                "SELECT step_execution_id, worker FROM partition_claim WHERE job_execution_id = ?"
                        + " ORDER BY step_execution_id",
                row -> {
                    workers.put(row.getLong(1), row.getString(2));
                },
                jobExecutionId);
        return workers;
    }

    String workerOf(long stepExecutionId) {
        return jdbc
                .query(
                        "SELECT worker FROM partition_claim WHERE step_execution_id = ?",
                        (row, n) -> row.getString(1),
                        stepExecutionId)
                .stream()
                .findFirst()
                .orElse("nobody");
    }
}
