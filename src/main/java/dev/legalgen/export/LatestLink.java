package dev.legalgen.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A symbolic link naming the newest export of a directory, replaced in one step (a reader follows the old link or
 * the new one). Relative, so that the directory may be moved or mounted elsewhere. Where the file system has no
 * symbolic links, the export stands without one.
 */
final class LatestLink {

    private static final Logger log = LoggerFactory.getLogger(LatestLink.class);

    private LatestLink() {}

    static void point(Path link, Path file) {
        Path temp = ExportFiles.siblingTemp(link, ".link");
        try {
            Files.createSymbolicLink(temp, file.getFileName());
            ExportFiles.moveIntoPlace(temp, link);
        } catch (IOException | UnsupportedOperationException e) {
            deleteIfExists(temp);
            String reason = e instanceof IOException io ? ExportFiles.reason(io) : "no symbolic links here";
            log.warn("Could not point {} at {} ({}); the export is {}", link, file.getFileName(), reason, file);
        }
    }

    private static void deleteIfExists(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.debug("Could not delete {}", temp, e);
        }
    }
}
