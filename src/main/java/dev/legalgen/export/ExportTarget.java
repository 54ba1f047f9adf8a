package dev.legalgen.export;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an instance's export goes: a file the user named, used as given, or one file per instance in a directory
 * ({@code instance-<id>.jsonl}, so that a new instance never overwrites another's) beside a {@code latest.jsonl}
 * link to the newest.
 */
public sealed interface ExportTarget {

    static ExportTarget file(Path file) {
        return new NamedFile(file);
    }

    static ExportTarget perInstance(Path directory) {
        return new PerInstance(directory);
    }

    /** The file the export of instance {@code jobInstanceId} is written to. */
    Path fileOf(long jobInstanceId);

    /**
     * The directory of the trainer-ready layout beside that file: its name without {@code .jsonl}
     * ({@code out/legal-qa/instance-3/} beside {@code instance-3.jsonl}), or with {@code -export} when it has none.
     */
    default Path layoutOf(long jobInstanceId) {
        Path file = fileOf(jobInstanceId);
        String name = file.getFileName().toString();
        return file.resolveSibling(name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name + "-export");
    }

    /**
     * Checks, before any sample is paid for, that an export can be written here: the file is not a directory, and
     * its directory can be created and written.
     *
     * @throws UnwritableExportException naming the path and what failed
     */
    void checkWritable();

    /** Called once the export of {@code jobInstanceId} is in place. */
    void exported(long jobInstanceId);

    /** A file named by the user. */
    record NamedFile(Path file) implements ExportTarget {

        @Override
        public Path fileOf(long jobInstanceId) {
            return file;
        }

        @Override
        public void checkWritable() {
            Path absolute = file.toAbsolutePath();
            if (Files.isDirectory(absolute)) {
                throw new UnwritableExportException(absolute + " is a directory, not a file");
            }
            try {
                ExportFiles.checkWritableDirectory(absolute.getParent());
            } catch (UnwritableExportException e) {
                throw new UnwritableExportException(absolute + ": " + e.getMessage());
            }
        }

        @Override
        public void exported(long jobInstanceId) {
            // no link: the user knows the file, having named it
        }
    }

    /** One file per instance in {@code directory}, and the link to the newest. */
    record PerInstance(Path directory) implements ExportTarget {

        public static final String LATEST = "latest.jsonl";

        @Override
        public Path fileOf(long jobInstanceId) {
            return directory.resolve("instance-" + jobInstanceId + ".jsonl");
        }

        @Override
        public void checkWritable() {
            ExportFiles.checkWritableDirectory(directory.toAbsolutePath());
        }

        @Override
        public void exported(long jobInstanceId) {
            LatestLink.point(directory.resolve(LATEST), fileOf(jobInstanceId));
        }
    }
}
