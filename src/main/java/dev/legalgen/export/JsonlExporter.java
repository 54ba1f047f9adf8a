package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import dev.legalgen.store.SampleStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an instance's samples as JSONL, one {@link SampleJson} per line (the native format). The file is streamed from
 * the database into a temporary file beside the target and moved into place, so readers never see a half-written
 * export.
 */
@Component
public class JsonlExporter implements Exporter {

    private static final Logger log = LoggerFactory.getLogger(JsonlExporter.class);

    private final SampleStore samples;
    private final JsonMapper json = JsonMapper.builder().build();

    public JsonlExporter(SampleStore samples) {
        this.samples = samples;
    }

    @Override
    public long export(long jobInstanceId, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = ExportFiles.siblingTemp(absolute, ".part");
        long[] lines = {0};
        try {
            Files.createDirectories(absolute.getParent());
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                samples.forEach(jobInstanceId, sample -> {
                    writeLine(out, sample);
                    lines[0]++;
                });
            }
            ExportFiles.moveIntoPlace(temp, absolute);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw cannotWrite(absolute, e);
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(temp);
            throw cannotWrite(absolute, e.getCause());
        } catch (RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        log.info("Exported {} samples to {}", lines[0], absolute);
        return lines[0];
    }

    /** Not a cause: failure reports show the innermost message, and this one says what to do. */
    private static IOException cannotWrite(Path target, IOException e) {
        IOException failure = new IOException("cannot write the export to " + target + " (" + ExportFiles.reason(e)
                + "); rerun with another output=, or fix the path, and only the export runs again");
        failure.addSuppressed(e);
        return failure;
    }

    private void writeLine(OutputStream out, LegalSample sample) {
        try {
            out.write(json.writeValueAsBytes(SampleJson.of(sample)));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
