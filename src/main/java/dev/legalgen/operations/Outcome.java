package dev.legalgen.operations;

/**
 * What a command did: the exit code, the execution it concerns (if any), a line for the user (in the command
 * line's terms), and, when the restart rules refused to run, why ({@code refusal}, else null).
 */
public record Outcome(ExitCode exitCode, Long executionId, String message, Refusal refusal) {

    public static Outcome of(ExitCode exitCode, Long executionId, String message) {
        return new Outcome(exitCode, executionId, message, null);
    }

    static Outcome refused(Refusal refusal, Long executionId, String message) {
        return new Outcome(refusal.exitCode(), executionId, message, refusal);
    }
}
