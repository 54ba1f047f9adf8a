package dev.legalgen.catalog;

/** A catalog file that cannot be used; the message tells the user which line to fix and how. */
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
