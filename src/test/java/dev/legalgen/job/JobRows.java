package dev.legalgen.job;

import dev.legalgen.operations.Outcome;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the whole-job tests read back from the tables. */
final class JobRows {

    private JobRows() {}

    /** The job instance an outcome's execution belongs to. */
    static long instanceOf(JdbcTemplate jdbc, Outcome outcome) {
        return jdbc.queryForObject(
                "SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?",
                Long.class,
                outcome.executionId());
    }

    /** Answers of an instance paid for and not committed yet. */
    static int journaled(JdbcTemplate jdbc, long instance) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM answer_journal WHERE job_instance_id = ?", Integer.class, instance);
    }

    /** The slots an instance has samples for, in slot order. */
    static List<Integer> slots(JdbcTemplate jdbc, long instance) {
        return jdbc.queryForList(
                "SELECT slot FROM legal_sample WHERE job_instance_id = ? ORDER BY slot", Integer.class, instance);
    }
}
