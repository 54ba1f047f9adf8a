package dev.legalgen.operations;

import org.springframework.batch.core.BatchStatus;

/** The process exit codes (README, Exit codes): the scheduler's API, mapped in this one place. */
public enum ExitCode {
    /** Completed, already complete, or an operator command that did what was asked. */
    OK(0),
    /** The run failed; the same start command continues it. */
    FAILED(1),
    /** Usage or configuration error: fix the command; nothing was run. */
    USAGE(2),
    /** Stopped (stop command); the same start command continues it. */
    STOPPED(3),
    /** This instance is already running, or was left STARTED by a crash: run recover. */
    ALREADY_RUNNING(4),
    /** No such execution, or it cannot be restarted. */
    NOT_RESTARTABLE(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The code a finished execution ends the process with. */
    public static ExitCode of(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> OK;
            case STOPPED, STOPPING -> STOPPED;
            case ABANDONED -> NOT_RESTARTABLE;
            case STARTING, STARTED -> ALREADY_RUNNING;
            case FAILED, UNKNOWN -> FAILED;
        };
    }
}
