package dev.legalgen.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;

/** The file operations exports share, with their failures put in words. */
final class ExportFiles {

    private ExportFiles() {}

    /**
     * Creates {@code directory} if need be and proves it writable by creating and deleting a file in it.
     *
     * @throws UnwritableExportException naming the directory and what failed
     */
    static void checkWritableDirectory(Path directory) {
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UnwritableExportException(
                    "cannot create directory " + directory + ": " + existing + " is a file, not a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UnwritableExportException("cannot create directory " + directory + " (" + reason(e) + ")");
        }
        try {
            Files.delete(Files.createFile(siblingTemp(directory.resolve("legalgen"), ".probe")));
        } catch (IOException e) {
            throw new UnwritableExportException("cannot create files in " + directory + " (" + reason(e) + ")");
        }
    }

    /**
     * A hidden, unique name beside {@code target} for a file that is moved onto it when complete. Created
     * without explicit permissions, a file there gets the umask's (0644 by default), as the user expects.
     */
    static Path siblingTemp(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + suffix);
    }

    /** Replaces {@code target} by {@code temp} in one step where the file system can, so readers see one or the other. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The JDK's messages are often the bare path ({@code AccessDeniedException: /etc/hostname}): say what failed. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a directory of that name is in the way";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason(); // the operating system's words, e.g. "Read-only file system"
            return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
