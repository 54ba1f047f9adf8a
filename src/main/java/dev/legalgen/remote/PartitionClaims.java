package dev.legalgen.remote;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Whether {@code worker} now holds the partition; false when another claimed it first. Times are the database's,
     * so that workers and the manager on machines whose clocks differ agree on a claim's age.
     */
    boolean claim(long stepExecutionId, long jobExecutionId, WorkerIdentity worker) {
        try {
            jdbc.update(
                    "INSERT INTO partition_claim (step_execution_id, job_execution_id, worker, claimed_at, heartbeat_at)"
                            + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                    stepExecutionId,
                    jobExecutionId,
                    worker.name());
            return true;
        } catch (DuplicateKeyException claimed) {
            return false;
        }
    }

    /** Renews the claims {@code worker} holds on these partitions. */
    void beat(Collection<Long> stepExecutionIds, WorkerIdentity worker) {
        for (long id : stepExecutionIds) {
            jdbc.update(
                    "UPDATE partition_claim SET heartbeat_at = CURRENT_TIMESTAMP WHERE step_execution_id = ?"
                            + " AND worker = ?",
                    id,
                    worker.name());
        }
    }

    /** A claimed partition still running by the job repository, with how long ago its worker last renewed it. */
    record Running(long stepExecutionId, String worker, Duration sinceHeartbeat) {}

    /** The claimed partitions of a job execution that the job repository says are running. */
    List<Running> running(long jobExecutionId) {
        return jdbc.query(
                "SELECT c.step_execution_id, c.worker, c.heartbeat_at, CURRENT_TIMESTAMP FROM partition_claim c"
                        + " JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = c.step_execution_id"
                        + " WHERE c.job_execution_id = ? AND s.STATUS IN ('STARTING', 'STARTED')",
                (row, n) -> new Running(
                        row.getLong(1),
                        row.getString(2),
                        Duration.between(
                                row.getObject(3, OffsetDateTime.class), row.getObject(4, OffsetDateTime.class))),
                jobExecutionId);
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
