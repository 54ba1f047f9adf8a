package dev.legalgen.generation;

/**
 * A model reply that is not a usable sample. The message is a short reason, never the whole reply, so it can
 * be logged and stored with the failure without flooding either.
 */
public class InvalidSampleException extends RuntimeException {

    public InvalidSampleException(String reason) {
        super(reason);
    }
}
