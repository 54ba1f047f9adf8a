package dev.legalgen.job;

import org.springframework.jdbc.core.JdbcTemplate;

/** Batch's own counters of one execution's steps, summed, as the job repository recorded them. */
record StepCounters(long read, long written, long skipped, long commits, long rollbacks) {

    /** The generate step's partitions. */
    static StepCounters ofGenerate(JdbcTemplate jdbc, long executionId) {
        return of(jdbc, executionId, DatasetJobConfiguration.WORKER_STEP + "%");
    }

    /** The steps whose names match {@code stepName} (a SQL LIKE pattern). */
    static StepCounters of(JdbcTemplate jdbc, long executionId, String stepName) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(read_count), 0), COALESCE(SUM(write_count), 0),"
                        + " COALESCE(SUM(read_skip_count + process_skip_count + write_skip_count), 0),"
                        + " COALESCE(SUM(commit_count), 0), COALESCE(SUM(rollback_count), 0)"
                        + " FROM batch_step_execution WHERE job_execution_id = ? AND step_name LIKE ?",
                (rs, row) ->
                        new StepCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                executionId,
                stepName);
    }
}
