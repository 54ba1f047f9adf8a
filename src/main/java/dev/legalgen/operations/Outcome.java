package dev.legalgen.operations;

/** What a command did: the exit code, the execution it concerns (if any), and a line for the user. */
public record Outcome(ExitCode exitCode, Long executionId, String message) {

    public static Outcome of(ExitCode exitCode, Long executionId, String message) {
        return new Outcome(exitCode, executionId, message);
    }
}
