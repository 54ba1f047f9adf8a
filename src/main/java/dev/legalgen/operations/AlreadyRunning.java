package dev.legalgen.operations;

import org.springframework.batch.core.job.JobExecution;

/**
 * The refusals for an instance that is not over (exit 4): run by a live process, or left running by one that is
 * gone, which only the instance lock tells apart. The second names the command's own next step after recover.
 */
final class AlreadyRunning {

    private AlreadyRunning() {}

    /** For a command on an execution still marked running: by whom, asked of the instance's lock. */
    static Outcome of(JobExecution execution, InstanceLocks locks, String thenRun) {
        try (InstanceLocks.Lock lock = locks.tryLock(execution.getJobParameters())) {
            return lock.acquired() ? leftBehind(execution, thenRun) : elsewhere(execution);
        }
    }

    /** A live process runs the instance; {@code execution} null when its execution is not known yet. */
    static Outcome elsewhere(JobExecution execution) {
        Long id = execution == null ? null : execution.getId();
        return Outcome.refused(
                Refusal.RUNNING,
                id,
                "this instance is being run by another process" + (id == null ? "" : " (execution " + id + ")")
                        + "; wait for it, or stop it (SIGTERM, or stop " + (id == null ? "last" : id) + ")");
    }

    /** No live process holds the instance, yet {@code execution} is marked running: a crash left it so. */
    static Outcome leftBehind(JobExecution execution, String thenRun) {
        return Outcome.refused(
                Refusal.LEFT_RUNNING,
                execution.getId(),
                "execution " + execution.getId() + " of this instance was left " + execution.getStatus()
                        + " by a process that is gone (killed, or its machine lost). Run: recover "
                        + execution.getId() + ", then " + thenRun);
    }
}
