package dev.legalgen.job;

import org.springframework.jdbc.core.JdbcTemplate;

/** Batch's own counters of one execution's generate partitions, summed, as the job repository recorded them. */
record StepCounters(long read, long written, long skipped, long commits, long rollbacks) {

    static StepCounters ofGenerate(JdbcTemplate jdbc, long executionId) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(read_count), 0), COALESCE(SUM(write_count), 0),"
                        + " COALESCE(SUM(read_skip_count + process_skip_count + write_skip_count), 0),"
                        + " COALESCE(SUM(commit_count), 0), COALESCE(SUM(rollback_count), 0)"
                        + " FROM batch_step_execution WHERE job_execution_id = ? AND step_name LIKE ?",
                (rs, row) ->
                        new StepCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                executionId,
                DatasetJobConfiguration.WORKER_STEP + "%");
    }
}
