package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import dev.legalgen.store.SampleStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the trainer-ready layout of an instance: {@code DIR/<format>/<split>.jsonl} for every format and split, and
 * {@code DIR/README.md}, the dataset card. One pass over the committed samples, in commit order (which the splits
 * follow), each written to every format at once: memory holds a few counters, whatever the dataset's size. The
 * layout is built in a hidden directory beside {@code DIR} and moved into place whole, replacing an earlier export;
 * an export that fails leaves {@code DIR} as it was. A {@code DIR} that holds anything but an earlier export is
 * refused, so that nothing of the user's is replaced.
 */
@Component
public class DirectoryExporter {

    static final String CARD = "README.md";

    private static final Logger log = LoggerFactory.getLogger(DirectoryExporter.class);

    private final SampleStore samples;
    private final CardFacts facts;
    private final DatasetCard card;
    private final JsonMapper json = JsonMapper.builder().build();

    public DirectoryExporter(SampleStore samples, CardFacts facts, DatasetCard card) {
        this.samples = samples;
        this.facts = facts;
        this.card = card;
    }

    /** What an export wrote: lines and bytes per format and split, and what the card summarised. */
    public record Written(Path directory, Map<String, Map<String, FileCount>> files, SampleTally tally) {

        /** The number of samples exported (each is in every format once). */
        public long samples() {
            return tally.samples();
        }
    }

    /** One file's lines and bytes, as the card's {@code num_examples} and {@code num_bytes}. */
    public record FileCount(long examples, long bytes) {}

    /**
     * Exports the instance of execution {@code jobExecutionId}, whose state the card reports, to {@code directory}.
     *
     * @throws IOException naming the directory, what failed and what to do; nothing is left behind
     */
    public Written export(long jobExecutionId, List<ExportFormat> formats, SplitPlan plan, Path directory)
            throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        refuseForeignContent(target);
        ExportFiles.checkWritableDirectory(target.getParent());
        Path temp = ExportFiles.siblingTemp(target, ".part");
        try {
            Written written = writeLayout(facts.of(jobExecutionId), formats, plan, temp, target);
            replace(target, temp);
            log.info("Exported {} samples in {} format(s) to {}", written.samples(), formats.size(), target);
            return written;
        } catch (UncheckedIOException e) {
            deleteTree(temp);
            throw cannotWrite(target, e.getCause());
        } catch (IOException e) {
            deleteTree(temp);
            throw cannotWrite(target, e);
        } catch (RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    private Written writeLayout(
            CardFacts.Facts instance, List<ExportFormat> formats, SplitPlan plan, Path temp, Path target)
            throws IOException {
        Map<String, Map<String, CountingFile>> files = new LinkedHashMap<>();
        try {
            for (ExportFormat format : formats) {
                Files.createDirectories(temp.resolve(format.name()));
                Map<String, CountingFile> splits = new LinkedHashMap<>();
                for (String split : plan.names()) {
                    splits.put(
                            split, new CountingFile(temp.resolve(format.name()).resolve(split + ".jsonl")));
                }
                files.put(format.name(), splits);
            }
            SplitAssigner assigner = new SplitAssigner(plan);
            SampleTally tally = new SampleTally();
            samples.forEachInCommitOrder(instance.jobInstanceId(), sample -> {
                String split = assigner.assign(sample);
                tally.add(sample);
                for (ExportFormat format : formats) {
                    files.get(format.name()).get(split).write(line(format, sample));
                }
            });
            for (Map<String, CountingFile> splits : files.values()) {
                for (CountingFile file : splits.values()) {
                    file.close();
                }
            }
            Map<String, Map<String, FileCount>> counts = new LinkedHashMap<>();
            files.forEach((format, splits) -> {
                Map<String, FileCount> bySplit = new LinkedHashMap<>();
                splits.forEach((split, file) -> bySplit.put(split, file.count()));
                counts.put(format, bySplit);
            });
            Written written = new Written(target, counts, tally);
            Files.writeString(temp.resolve(CARD), card.render(instance, formats, written), StandardCharsets.UTF_8);
            return written;
        } finally {
            for (Map<String, CountingFile> splits : files.values()) {
                for (CountingFile file : splits.values()) {
                    file.closeQuietly();
                }
            }
        }
    }

    private byte[] line(ExportFormat format, LegalSample sample) {
        byte[] line = json.writeValueAsBytes(format.line(sample));
        byte[] withNewline = new byte[line.length + 1];
        System.arraycopy(line, 0, withNewline, 0, line.length);
        withNewline[line.length] = '\n';
        return withNewline;
    }

    /** An existing directory must be empty or an earlier export (its card says it was written by this job). */
    private static void refuseForeignContent(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new UnwritableExportException("cannot export to " + target + ": it is a file, not a directory");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        }
        Path earlierCard = target.resolve(CARD);
        if (!Files.isRegularFile(earlierCard)
                || !Files.readString(earlierCard, StandardCharsets.UTF_8).contains(DatasetCard.GENERATOR_LINE)) {
            throw new UnwritableExportException("cannot export to " + target + ": it holds files that are not an"
                    + " earlier export of this job, which the export would replace; name an empty or new directory"
                    + " with --out");
        }
    }

    /** Moves {@code temp} onto {@code target}, moving an earlier export out of the way first and deleting it after. */
    private static void replace(Path target, Path temp) throws IOException {
        if (!Files.exists(target)) {
            ExportFiles.moveIntoPlace(temp, target);
            return;
        }
        Path earlier = ExportFiles.siblingTemp(target, ".old");
        Files.move(target, earlier);
        try {
            ExportFiles.moveIntoPlace(temp, target);
        } catch (IOException e) {
            Files.move(earlier, target); // put the earlier export back
            throw e;
        }
        deleteTree(earlier);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("Could not delete {}: {}", path, ExportFiles.reason(e));
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", root, ExportFiles.reason(e));
        }
    }

    /** Not a cause: failure reports show the innermost message, and this one says what to do. */
    private static IOException cannotWrite(Path target, IOException e) {
        IOException failure = new IOException("cannot write the export to " + target + " (" + ExportFiles.reason(e)
                + "); fix the path or name another with --out, and export again");
        failure.addSuppressed(e);
        return failure;
    }

    /** A JSONL file being written, counting its lines and bytes. */
    private static final class CountingFile {

        private final OutputStream out;
        private long lines;
        private long bytes;
        private boolean closed;

        CountingFile(Path file) throws IOException {
            this.out = new BufferedOutputStream(
                    Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
        }

        void write(byte[] line) {
            try {
                out.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lines++;
            bytes += line.length;
        }

        FileCount count() {
            return new FileCount(lines, bytes);
        }

        void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                // the export fails anyway; its temporary directory is deleted
            }
        }
    }
}
