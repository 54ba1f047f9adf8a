package dev.legalgen.job;

/** A command line, job parameter or configuration the user must fix; nothing was run (exit 2). */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
