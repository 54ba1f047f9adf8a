package dev.legalgen.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One provider's Batch API (Groq's, OpenAI-compatible; provider-facts.md §10): upload an input file, create a
 * batch of it, poll, cancel, download its results. Transient failures are retried ({@link BatchRetries}); every
 * failure is a {@link ProviderCallException} that names the call and never the key.
 */
public final class BatchApiClient {

    /** The endpoint every line of a batch goes to, whatever prefix the provider's base URL has. */
    static final String CHAT_ENDPOINT = "/v1/chat/completions";
    /** Pages of {@value #PAGE_SIZE} batches searched for a batch's input file: the newest 2,000. */
    static final int MAX_PAGES = 20;

    static final int PAGE_SIZE = 100;
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String provider;
    private final ProviderSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();
    private final BatchHttp http;
    private final BatchRetries retries;

    public BatchApiClient(String provider, ProviderSettings settings, Clock clock) {
        this(provider, settings, clock, Sleeper.SYSTEM);
    }

    /** {@code sleeper} waits between attempts: tests pass one that only records. */
    public BatchApiClient(String provider, ProviderSettings settings, Clock clock, Sleeper sleeper) {
        this.provider = provider;
        this.settings = settings;
        this.http = new BatchHttp(provider, settings, json, clock);
        this.retries = new BatchRetries(
                new Backoff(
                        INITIAL_BACKOFF,
                        MAX_BACKOFF,
                        () -> ThreadLocalRandom.current().nextDouble()),
                sleeper,
                new Route(provider, BatchHttp.BATCH_API));
    }

    public String provider() {
        return provider;
    }

    /** {@code POST /files}: uploads a batch input file, streamed from disk; returns the file's id. */
    public String upload(Path jsonl, String filename) {
        BatchCall call = BatchCall.upload();
        MultipartUpload upload = MultipartUpload.of(jsonl, filename);
        return retries.run(() -> {
            try {
                return http.postMultipart(
                                call,
                                settings.endpoint("/files"),
                                upload,
                                http.object(call, BatchWire.FileObject.class))
                        .id();
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read the batch input file " + jsonl, unreadable);
            }
        });
    }

    /**
     * {@code POST /batches}. Not repeated blindly: a create that timed out or lost its connection may have created
     * the batch, and a second one would run (and bill) every line twice. Before each retry the batches of the same
     * input file are looked up ({@link #findByInputFile}), and one found is the result; only a 429, which the
     * provider refuses before doing anything, is retried without looking.
     */
    public ProviderBatch create(String inputFileId, String completionWindow) {
        BatchCall call = BatchCall.create();
        BatchWire.CreateBatch body = new BatchWire.CreateBatch(inputFileId, CHAT_ENDPOINT, completionWindow);
        return retries.run(
                () -> http.postJson(
                                call,
                                settings.endpoint("/batches"),
                                body,
                                http.object(call, BatchWire.BatchObject.class))
                        .toBatch(),
                failure -> failure.category() == ErrorCategory.RATE_LIMIT
                        ? Optional.empty()
                        : findByInputFile(inputFileId));
    }

    /** {@code GET /batches/{id}}: the batch as it is now. */
    public ProviderBatch get(String batchId) {
        BatchCall call = BatchCall.get(batchId);
        return retries.run(() -> http.get(
                        call, settings.endpoint("/batches/" + batchId), http.object(call, BatchWire.BatchObject.class))
                .toBatch());
    }

    /**
     * The newest batch made of {@code inputFileId}, among the newest {@value #MAX_PAGES} pages of batches: how a
     * job adopts the batch it created just before a crash, or whose create answer it lost, instead of creating
     * another.
     */
    public Optional<ProviderBatch> findByInputFile(String inputFileId) {
        BatchCall call = BatchCall.list();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            URI uri = settings.endpoint("/batches?limit=" + PAGE_SIZE + (after == null ? "" : "&after=" + after));
            BatchWire.BatchPage batches =
                    retries.run(() -> http.get(call, uri, http.object(call, BatchWire.BatchPage.class)));
            for (BatchWire.BatchObject batch : batches.batches()) {
                if (inputFileId.equals(batch.inputFileId())) {
                    return Optional.of(batch.toBatch());
                }
            }
            if (!batches.hasMore() || batches.lastId() == null) {
                return Optional.empty();
            }
            after = batches.lastId();
        }
        return Optional.empty();
    }

    /** {@code POST /batches/{id}/cancel}: the batch, {@code cancelling} (or already ended as it would). */
    public ProviderBatch cancel(String batchId) {
        BatchCall call = BatchCall.cancel(batchId);
        URI uri = settings.endpoint("/batches/" + batchId + "/cancel");
        return retries.run(() -> http.post(call, uri, http.object(call, BatchWire.BatchObject.class))
                .toBatch());
    }

    /**
     * {@code GET /files/{id}/content}: the file is downloaded whole to a temporary file first (retried from the
     * start on a transient failure, within the transfer timeout), then each non-blank line (UTF-8) is passed to
     * {@code line}; memory stays flat in the file's size, and however long {@code line} takes, no connection waits
     * for it. Returns the number of lines; what {@code line} throws leaves unchanged.
     */
    public long download(String fileId, Consumer<String> line) {
        BatchCall call = BatchCall.download(fileId);
        URI uri = settings.endpoint("/files/" + fileId + "/content");
        return ScratchFile.with("legalgen-results-", ".jsonl", file -> {
            retries.run(() -> http.download(call, uri, body -> {
                try (InputStream in = body) {
                    return Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }));
            return lines(file, line);
        });
    }

    /** One line of a result file, read as {@link BatchResultLine#parse} reads it for this provider. */
    public BatchResultLine result(String line) {
        return BatchResultLine.parse(line, provider, settings, json);
    }

    private static long lines(Path file, Consumer<String> line) throws IOException {
        long count = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                if (!text.isBlank()) {
                    line.accept(text);
                    count++;
                }
            }
        }
        return count;
    }
}
