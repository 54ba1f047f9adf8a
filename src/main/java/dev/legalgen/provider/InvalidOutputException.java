package dev.legalgen.provider;

/** Thrown by a caller's validation of a completion's content: the chain re-asks once, then gives up the item. */
public class InvalidOutputException extends RuntimeException {

    public InvalidOutputException(String message) {
        super(message);
    }

    public InvalidOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
