package dev.legalgen.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A batch file on its way to or from a provider, in the temporary directory ({@code java.io.tmpdir}) and deleted
 * after: lines are streamed through disk, never held in memory.
 */
public final class ScratchFile {

    /** What is done with the file; its {@link IOException} is the file's failure. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Path file) throws IOException;
    }

    private ScratchFile() {}

    /** Runs {@code work} on a new empty file named {@code prefix…suffix}, deleted after, however it ends. */
    public static <T> T with(String prefix, String suffix, Work<T> work) {
        Path file = null;
        try {
            file = Files.createTempFile(prefix, suffix);
            return work.run(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not use a batch file in the temporary directory (java.io.tmpdir, "
                            + System.getProperty("java.io.tmpdir") + "): " + e,
                    e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
