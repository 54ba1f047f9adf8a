package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.legalgen.simulator.BatchEndpoint;
import dev.legalgen.simulator.BatchTiming;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Batch API client over real HTTP against the simulator: a batch from upload to parsed, discounted results;
 * failed, truncated, expired and cancelled lines; the adoption of a batch whose create answer was lost; retries,
 * counted by what the simulator saw.
 */
class BatchApiClientIntegrationTests {

    private static final String PROVIDER = "groq";
    private static final String KEY = "gsk_batch_client_secret_4711";
    private static final String MODEL = "legal-sim-large";
    private static final ModelPrice PRICE = new ModelPrice(new BigDecimal("0.15"), new BigDecimal("0.60"));
    /** A line an hour: a batch stays in progress until cancelled. */
    private static final BatchTiming SLOW =
            new BatchTiming(Duration.ZERO, Duration.ofHours(1), Duration.ZERO, Duration.ZERO);

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private Simulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aBatchRunsFromUploadToAnsweredLinesBilledAtHalfTheSynchronousPrice() throws IOException {
        // given
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        Path input = jsonl("slots.jsonl", 10);

        // when
        String fileId = client.upload(input, "slots.jsonl");
        ProviderBatch created = client.create(fileId, "24h");
        ProviderBatch done = client.get(created.id());
        List<BatchResultLine> results = download(client, done.outputFileId());

        // then
        assertThat(created.status()).isEqualTo("validating");
        assertThat(created.inputFileId()).isEqualTo(fileId);
        assertThat(created.terminal()).isFalse();
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.terminal()).isTrue();
        assertThat(List.of(done.total(), done.completed(), done.failed())).containsExactly(10, 10, 0);
        assertThat(done.errorFileId()).isNull();
        assertThat(done.errorSummary()).isNull();
        assertThat(results).extracting(BatchResultLine::customId).containsExactlyInAnyOrderElementsOf(slotIds(10));
        assertThat(results).allSatisfy(line -> {
            assertThat(line.outcome()).isEqualTo(BatchResultLine.Outcome.ANSWERED);
            assertThat(line.problem()).isNull();
            Completion completion = line.completion();
            assertThat(completion.provider()).isEqualTo(PROVIDER);
            assertThat(completion.model()).isEqualTo(MODEL);
            assertThat(completion.content()).contains("\"question\"");
            assertThat(completion.bill().tokens().prompt()).isPositive();
            assertThat(completion.bill().tokens().completion()).isPositive();
            BigDecimal synchronous =
                    settings(KEY).bill(MODEL, completion.bill().tokens()).costUsd();
            assertThat(completion.bill().costUsd().multiply(BigDecimal.valueOf(2)))
                    .isEqualByComparingTo(synchronous);
        });
        long billedPrompt = simulator.batchBilled().get(MODEL).prompt();
        assertThat(results.stream()
                        .mapToLong(line -> line.completion().bill().tokens().prompt())
                        .sum())
                .isEqualTo(billedPrompt);
        assertThat(simulator.uploadedCustomIds()).containsExactly(slotIds(10));
        assertThat(List.of(simulator.fileUploadCount(), simulator.batchCreateCount(), simulator.batchPollCount()))
                .containsExactly(1, 1, 1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void everyThirdLineFailsWithItsStatusAndTheRestAreAnswered() throws IOException {
        // given
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        simulator.batchFaults().everyNthLine(3, Fault.status(500));

        // when
        ProviderBatch done = client.get(submit(client, 9).id());
        List<BatchResultLine> output = download(client, done.outputFileId());
        List<BatchResultLine> errors = download(client, done.errorFileId());

        // then
        assertThat(List.of(done.completed(), done.failed())).containsExactly(6, 3);
        assertThat(output).extracting(BatchResultLine::outcome).containsOnly(BatchResultLine.Outcome.ANSWERED);
        assertThat(output).hasSize(6);
        assertThat(errors).hasSize(3).allSatisfy(line -> {
            assertThat(line.outcome()).isEqualTo(BatchResultLine.Outcome.FAILED);
            assertThat(line.completion()).isNull();
            assertThat(line.problem()).isEqualTo("internal_server_error: Internal Server Error (status 500)");
        });
        assertThat(errors)
                .extracting(BatchResultLine::customId)
                .containsExactlyInAnyOrder("slot-3", "slot-6", "slot-9");
    }

    @Test
    void aLineCutOffAtItsBudgetIsTruncatedAndStillBilled() throws IOException {
        // given: the default budget is 1,024 tokens
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        simulator.batchFaults().nextLines(1, Fault.truncatedBelow(5_000));

        // when
        ProviderBatch done = client.get(submit(client, 3).id());
        List<BatchResultLine> output = download(client, done.outputFileId());

        // then
        assertThat(output)
                .filteredOn(line -> line.outcome() == BatchResultLine.Outcome.TRUNCATED)
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.customId()).isEqualTo("slot-1");
                    assertThat(line.problem()).isEqualTo("finish_length");
                    assertThat(line.completion().bill().tokens().completion()).isEqualTo(1024);
                    assertThat(line.completion().bill().costUsd()).isPositive();
                });
        assertThat(output)
                .filteredOn(line -> line.outcome() == BatchResultLine.Outcome.ANSWERED)
                .hasSize(2);
    }

    @Test
    void anExpiredBatchListsTheLinesItNeverRanAsNotRun() throws IOException {
        // given
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        simulator.batchFaults().nextBatchExpiresAfter(2);

        // when
        ProviderBatch done = client.get(submit(client, 5).id());
        List<BatchResultLine> output = download(client, done.outputFileId());
        List<BatchResultLine> errors = download(client, done.errorFileId());

        // then
        assertThat(done.status()).isEqualTo("expired");
        assertThat(done.terminal()).isTrue();
        assertThat(done.completedAll()).isFalse();
        assertThat(done.resultFileIds()).containsExactly(done.outputFileId(), done.errorFileId());
        assertThat(output)
                .hasSize(2)
                .extracting(BatchResultLine::outcome)
                .containsOnly(BatchResultLine.Outcome.ANSWERED);
        assertThat(errors).hasSize(3).allSatisfy(line -> {
            assertThat(line.outcome()).isEqualTo(BatchResultLine.Outcome.NOT_RUN);
            assertThat(line.problem()).startsWith("batch_expired: ");
        });
    }

    @Test
    void aCancelledBatchListsItsRemainingLinesAsNotRun() throws IOException {
        // given
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY).withBatchTiming(SLOW));
        ProviderBatch running = client.get(submit(client, 4).id());

        // when
        ProviderBatch cancelled = client.cancel(running.id());
        List<BatchResultLine> errors = download(client, cancelled.errorFileId());

        // then
        assertThat(running.status()).isEqualTo("in_progress");
        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.terminal()).isTrue();
        assertThat(cancelled.outputFileId()).isNull();
        assertThat(errors).hasSize(4).allSatisfy(line -> {
            assertThat(line.outcome()).isEqualTo(BatchResultLine.Outcome.NOT_RUN);
            assertThat(line.problem()).startsWith("batch_cancelled: ");
        });
        assertThat(simulator.batchCancelCount()).isEqualTo(1);
    }

    @Test
    void findByInputFilePagesThroughTheBatchesToTheNewestMadeOfTheFile() throws IOException {
        // given: the file's batch, then 150 newer batches of another file
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        String fileId = client.upload(jsonl("a.jsonl", 1), "a.jsonl");
        String own = client.create(fileId, "24h").id();
        String other = client.upload(jsonl("b.jsonl", 1), "b.jsonl");
        for (int i = 0; i < 150; i++) {
            client.create(other, "24h");
        }

        // when
        Optional<ProviderBatch> found = client.findByInputFile(fileId);
        int listed = simulator.batchListCount();
        Optional<ProviderBatch> none = client.findByInputFile("file_01unknown");

        // then
        assertThat(found).map(ProviderBatch::id).hasValue(own);
        assertThat(listed).as("two pages of 100").isEqualTo(2);
        assertThat(none).isEmpty();
    }

    @Test
    void aCreateWhoseAnswerIsLostAdoptsTheBatchItMadeInsteadOfCreatingAnother() throws IOException {
        // given
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        String fileId = client.upload(jsonl("slots.jsonl", 3), "slots.jsonl");
        simulator.batchFaults().nextCalls(BatchEndpoint.CREATE, 1, Fault.drop());

        // when
        ProviderBatch adopted = client.create(fileId, "24h");

        // then
        assertThat(adopted.inputFileId()).isEqualTo(fileId);
        assertThat(simulator.batchCreateCount()).as("not sent again").isEqualTo(1);
        assertThat(simulator.batchListCount()).isEqualTo(1);
        assertThat(simulator.batchedCustomIds()).hasSize(1);
    }

    @Test
    void aCreateRefusedWith500LooksForItsBatchFirstAndA429DoesNot() throws IOException {
        // given
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        String fileId = client.upload(jsonl("slots.jsonl", 3), "slots.jsonl");
        simulator.batchFaults().nextCalls(BatchEndpoint.CREATE, 1, Fault.status(500));

        // when
        ProviderBatch afterLookup = client.create(fileId, "24h");
        int listedAfter500 = simulator.batchListCount();
        simulator.batchFaults().nextCalls(BatchEndpoint.CREATE, 1, Fault.rateLimited(Duration.ofSeconds(7)));
        ProviderBatch afterPace = client.create(fileId, "24h");

        // then
        assertThat(afterLookup.inputFileId()).isEqualTo(fileId);
        assertThat(listedAfter500).isEqualTo(1);
        assertThat(afterPace.id()).isNotEqualTo(afterLookup.id());
        assertThat(simulator.batchListCount())
                .as("a 429 is refused before anything is done")
                .isEqualTo(1);
        assertThat(simulator.batchCreateCount()).isEqualTo(4);
        assertThat(simulator.batchedCustomIds()).hasSize(2);
        assertThat(sleeps.get(sleeps.size() - 1)).as("the server's retry-after").isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void transientFailuresAreRetriedUntilTheCallSucceeds() throws IOException {
        // given
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        String batchId = submit(client, 1).id();
        simulator.batchFaults().nextCalls(BatchEndpoint.POLL, 2, Fault.status(503));
        simulator.batchFaults().nextCalls(BatchEndpoint.POLL, 1, Fault.rateLimited(Duration.ofSeconds(3)));
        simulator.batchFaults().nextCalls(BatchEndpoint.DOWNLOAD, 1, Fault.status(500));

        // when
        ProviderBatch done = client.get(batchId);
        List<BatchResultLine> output = download(client, done.outputFileId());

        // then
        assertThat(done.status()).isEqualTo("completed");
        assertThat(simulator.batchPollCount()).isEqualTo(4);
        assertThat(output).hasSize(1);
        assertThat(simulator.fileDownloadCount()).isEqualTo(2);
        assertThat(sleeps).hasSize(4);
        assertThat(sleeps.get(2)).isEqualTo(Duration.ofSeconds(3));
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void aFailureThatKeepsComingIsThrownAfterFiveAttemptsAndA404AtOnce() throws IOException {
        // given
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        String batchId = submit(client, 1).id();
        simulator.batchFaults().nextCalls(BatchEndpoint.POLL, 10, Fault.status(502));

        // when
        ProviderCallException exhausted = catchThrowableOfType(ProviderCallException.class, () -> client.get(batchId));
        int pollsAfterExhausted = simulator.batchPollCount();
        simulator.batchFaults().clear();
        ProviderCallException missing =
                catchThrowableOfType(ProviderCallException.class, () -> client.get("batch_01nosuchbatch"));

        // then
        assertThat(pollsAfterExhausted).isEqualTo(5);
        assertThat(exhausted.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(exhausted.httpStatus()).isEqualTo(502);
        assertThat(exhausted.getMessage())
                .startsWith("groq Batch API GET /batches/" + batchId + " failed (502 bad_gateway: \"Bad Gateway\")")
                .endsWith("(gave up after 5 attempts)");
        assertThat(simulator.batchPollCount() - pollsAfterExhausted)
                .as("a 404 is not retried")
                .isEqualTo(1);
        assertThat(missing.httpStatus()).isEqualTo(404);
        assertThat(missing.getMessage())
                .contains("GET /batches/batch_01nosuchbatch failed (404")
                .contains("is gone or was created on another provider");
    }

    @Test
    void aWrongKeyNamesTheKeyVariableAndNeverTheKey() throws IOException {
        // given
        simulator = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY));
        String wrongKey = "gsk_wrong_key_0815";
        BatchApiClient client = new BatchApiClient(PROVIDER, settings(wrongKey), Clock.systemUTC(), sleeps::add);
        Path input = jsonl("slots.jsonl", 1);

        // when
        ProviderCallException failure =
                catchThrowableOfType(ProviderCallException.class, () -> client.upload(input, "slots.jsonl"));

        // then
        assertThat(failure.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(failure.getMessage())
                .isEqualTo("groq Batch API POST /files failed (401 invalid_api_key: \"Invalid API Key\"): set"
                        + " GROQ_API_KEY (or legalgen.providers.groq.api-key)");
        assertThat(failure.toString()).doesNotContain(wrongKey).doesNotContain(KEY);
        assertThat(simulator.fileUploadCount()).as("not retried").isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aLargeFileIsUploadedWholeAndDownloadedLineByLine() throws IOException {
        // given: 20,000 lines
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        Path input = jsonl("large.jsonl", 20_000);

        // when
        String fileId = client.upload(input, "large.jsonl");
        List<String> back = new ArrayList<>();
        long count = client.download(fileId, back::add);

        // then
        assertThat(simulator.uploadedCustomIds()).singleElement().isEqualTo(slotIds(20_000));
        assertThat(count).isEqualTo(20_000);
        assertThat(back).isEqualTo(Files.readAllLines(input, StandardCharsets.UTF_8));
    }

    @Test
    void aSlowReaderOfTheResultsHoldsNoConnectionPastTheReadTimeout() throws IOException {
        // given: a read timeout of 1 s, and lines that take longer than that to record
        simulator = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY));
        BatchApiClient client =
                new BatchApiClient(PROVIDER, settings(KEY, Duration.ofSeconds(1)), Clock.systemUTC(), sleeps::add);
        Path input = jsonl("slow.jsonl", 2_000);
        String fileId = client.upload(input, "slow.jsonl");
        List<String> back = new ArrayList<>();

        // when
        long count = client.download(fileId, line -> {
            if (back.isEmpty()) {
                sleep(Duration.ofMillis(1_500));
            }
            back.add(line);
        });

        // then: the whole file was read before the first line was passed on
        assertThat(count).isEqualTo(2_000);
        assertThat(back).isEqualTo(Files.readAllLines(input, StandardCharsets.UTF_8));
        assertThat(simulator.fileDownloadCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void aRequestLineCarriesTheSynchronousRequestBody() throws IOException {
        // given
        BatchApiClient client = start(SimulatorConfig.defaults().withApiKey(KEY));
        RequestOptions options = new RequestOptions(StructuredOutput.JSON_SCHEMA, 2048, ReasoningEffort.LOW);

        // when
        String line = BatchRequestLine.of("slot-7", MODEL, "system text", "user text", options);

        // then
        Map<?, ?> read =
                tools.jackson.databind.json.JsonMapper.builder().build().readValue(line, Map.class);
        assertThat(line).doesNotContain("\n");
        assertThat(read.get("custom_id")).isEqualTo("slot-7");
        assertThat(read.get("method")).isEqualTo("POST");
        assertThat(read.get("url")).isEqualTo("/v1/chat/completions");
        String synchronous = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .writeValueAsString(ChatRequest.of(MODEL, "system text", "user text", options, ResponseSchema.SAMPLE));
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(read.get("body")))
                .isEqualTo(synchronous);
        ProviderBatch done = client.get(client.create(client.upload(write("one.jsonl", line), "one.jsonl"), "24h")
                .id());
        assertThat(download(client, done.outputFileId()))
                .singleElement()
                .satisfies(result -> assertThat(result.outcome()).isEqualTo(BatchResultLine.Outcome.ANSWERED));
    }

    private BatchApiClient start(SimulatorConfig config) {
        simulator = Simulator.start(config);
        return new BatchApiClient(PROVIDER, settings(KEY), Clock.systemUTC(), sleeps::add);
    }

    private ProviderSettings settings(String key) {
        return settings(key, Duration.ofSeconds(5));
    }

    private ProviderSettings settings(String key, Duration readTimeout) {
        return new ProviderSettings(
                URI.create(simulator.baseUrl()),
                ApiKey.of(key),
                List.of(MODEL),
                0,
                0,
                0,
                0,
                readTimeout,
                Duration.ofSeconds(2),
                0,
                null,
                null,
                Map.of(MODEL, PRICE),
                new BatchSupport(true, List.of(), null, null));
    }

    private ProviderBatch submit(BatchApiClient client, int lines) throws IOException {
        return client.create(client.upload(jsonl("slots.jsonl", lines), "slots.jsonl"), "24h");
    }

    private List<BatchResultLine> download(BatchApiClient client, String fileId) {
        List<BatchResultLine> lines = new ArrayList<>();
        client.download(fileId, line -> lines.add(client.result(line)));
        return lines;
    }

    private Path jsonl(String name, int lines) throws IOException {
        return write(
                name,
                IntStream.rangeClosed(1, lines)
                        .mapToObj(slot -> BatchRequestLine.of(
                                "slot-" + slot,
                                MODEL,
                                "You write legal samples.",
                                prompt(slot),
                                RequestOptions.DEFAULT))
                        .collect(Collectors.joining("\n", "", "\n")));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String prompt(int slot) {
        return "Write one legal Q&A training sample as JSON.\nPractice area: Contract Law\nTopic: Topic " + slot
                + "\nDifficulty: advanced\nReturn question, answer, reasoning and case_citation.";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> slotIds(int lines) {
        return IntStream.rangeClosed(1, lines).mapToObj(slot -> "slot-" + slot).toList();
    }
}
