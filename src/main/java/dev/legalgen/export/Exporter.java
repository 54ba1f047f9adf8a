package dev.legalgen.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes an instance's committed samples to a file in one format, whole or not at all (a reader never
 * sees a half-written file). One implementation per format.
 */
public interface Exporter {

    /** Exports and returns the number of samples written. */
    long export(long jobInstanceId, Path target) throws IOException;
}
