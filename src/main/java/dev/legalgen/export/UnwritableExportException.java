package dev.legalgen.export;

/** An export could not be written where it is asked to go; the message names the path and what failed. */
public class UnwritableExportException extends RuntimeException {

    public UnwritableExportException(String message) {
        super(message);
    }
}
