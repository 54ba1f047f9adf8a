package dev.legalgen.operations;

/**
 * Why the restart rules did not run an instance, as data: the command line prints the outcome's message, in its
 * own terms, and the REST API words the same refusal in its fields and endpoints.
 */
public enum Refusal {
    /** The instance runs now, in this process or another. */
    RUNNING(ExitCode.ALREADY_RUNNING),
    /** Its last execution was left running by a process that is gone (kill -9, a lost machine). */
    LEFT_RUNNING(ExitCode.ALREADY_RUNNING),
    /** It completed: there is nothing to do. */
    COMPLETE(ExitCode.OK),
    /** It was abandoned: it never runs again. */
    ABANDONED(ExitCode.NOT_RESTARTABLE),
    /** The execution cannot restart for another reason, which the message gives. */
    NOT_RESTARTABLE(ExitCode.NOT_RESTARTABLE);

    private final ExitCode exitCode;

    Refusal(ExitCode exitCode) {
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
