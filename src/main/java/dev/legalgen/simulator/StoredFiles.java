package dev.legalgen.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of the Batch API by id: uploaded inputs ({@code purpose: batch}), kept read as well so that a batch
 * made of one need not read it again, and batches' results.
 */
final class StoredFiles {

    static final String INPUT = "batch";
    /** OpenAI's purpose for the output and error files of a batch. */
    static final String OUTPUT = "batch_output";

    private final Map<String, StoredFile> byId = new ConcurrentHashMap<>();
    private final Map<String, BatchInput> inputs = new ConcurrentHashMap<>();
    private final Clock clock;

    StoredFiles(Clock clock) {
        this.clock = clock;
    }

    /** One file; {@code createdAt} in epoch seconds. */
    record StoredFile(String id, String filename, String purpose, long createdAt, byte[] content) {}

    /** An uploaded input file, already read and checked. */
    StoredFile addInput(String filename, byte[] content, BatchInput input) {
        StoredFile file = add(filename, INPUT, content);
        inputs.put(file.id(), input);
        return file;
    }

    StoredFile add(String filename, String purpose, byte[] content) {
        StoredFile file = new StoredFile(
                WireFormats.groqId("file_", clock.millis()),
                filename,
                purpose,
                clock.instant().getEpochSecond(),
                content);
        byId.put(file.id(), file);
        return file;
    }

    /** The file, null when no file has that id. */
    StoredFile get(String id) {
        return byId.get(id);
    }

    /** The requests of an uploaded input file, null when {@code id} names none (or names a batch's results). */
    BatchInput input(String id) {
        return inputs.get(id);
    }

    void clear() {
        inputs.clear();
        byId.clear();
    }
}
