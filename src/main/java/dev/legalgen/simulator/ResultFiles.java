package dev.legalgen.simulator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the files a batch ends with. The output file holds the lines answered 200 ("one response line per
 * successful request line", G-BATCH); the error file holds those answered with an error status and those that
 * never ran ("any failed or expired requests", G-BATCH), HTTP-level errors in OpenAI's observed shape (O-BATCH:
 * read from "the resulting Error file"). A file that would be empty is not written and its id stays null
 * (inferred). Lines are shuffled: results are not in input order (G-BATCH).
 */
final class ResultFiles {

    /** The ids of the files a batch ended with, null for a file not written. */
    record Written(String outputFileId, String errorFileId) {}

    static final Written NONE = new Written(null, null);

    private final StoredFiles files;

    ResultFiles(StoredFiles files) {
        this.files = files;
    }

    Written write(String batchId, List<BatchLines.Ran> ran, List<byte[]> notRun) {
        List<byte[]> output = new ArrayList<>();
        List<byte[]> errors = new ArrayList<>();
        for (BatchLines.Ran line : ran) {
            (line.succeeded() ? output : errors).add(line.line());
        }
        errors.addAll(notRun);
        return new Written(store(batchId + "_output.jsonl", output), store(batchId + "_error.jsonl", errors));
    }

    private String store(String filename, List<byte[]> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] line : shuffled(lines)) {
            content.writeBytes(line);
            content.write('\n');
        }
        return files.add(filename, StoredFiles.OUTPUT, content.toByteArray()).id();
    }

    /** Never in input order when there are two lines or more, so that a client relying on it fails every time. */
    private static List<byte[]> shuffled(List<byte[]> lines) {
        List<byte[]> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, ThreadLocalRandom.current());
        if (shuffled.equals(lines)) {
            Collections.rotate(shuffled, 1);
        }
        return shuffled;
    }
}
