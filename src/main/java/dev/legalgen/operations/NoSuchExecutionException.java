package dev.legalgen.operations;

/** The execution an operator command names does not exist (exit 5). */
public class NoSuchExecutionException extends RuntimeException {

    public NoSuchExecutionException(String message) {
        super(message);
    }
}
