package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.simulator.BatchEndpoint;
import dev.legalgen.simulator.BatchTiming;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.Export;
import dev.legalgen.testsupport.LegalgenProcess;
import dev.legalgen.testsupport.LegalgenProcess.Result;
import dev.legalgen.testsupport.SimulatedProviders;
import dev.legalgen.testsupport.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch mode as a scheduler runs the packaged jar: killed with -9 at each point of a batch's life, recovered and
 * rerun, it neither uploads nor creates a batch for a slot twice, and ends with every slot once; SIGTERM while it
 * awaits stops it (143) and leaves the batches running for the same command to await; {@code abandon} cancels them.
 */
class BatchModeProcessTests {

    private static final String KEY = "sim-key";
    /** 30 slots in files of 10 lines: three batches a round. */
    private static final int SLOTS = 30;

    private static final int FILES = 3;

    @TempDir
    Path workDir;

    @Test
    void killedAfterAnUploadBeforeItsBatchTheRerunCreatesThatBatchOnceAndUploadsNothingAgain() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a run killed while its first batch creation is held: the file is uploaded, its batch not created
            provider.holdBatchCalls(BatchEndpoint.CREATE, 0);
            killWhenHeld(provider, startOn(provider));

            // when
            Result resumed = recoverAndRerun(provider);

            // then
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertEverySlotOnceAndSentOnce(provider);
            assertThat(provider.fileUploadCount())
                    .as("the first file is not uploaded again")
                    .isEqualTo(FILES);
            assertThat(provider.batchListCount())
                    .as("the recorded upload is looked for among the provider's batches first")
                    .isPositive();
        }
    }

    @Test
    void killedAfterTheBatchesWereCreatedTheRerunAwaitsTheSameBatches() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a run killed at its first poll: all three batches created
            provider.holdBatchCalls(BatchEndpoint.POLL, 0);
            killWhenHeld(provider, startOn(provider));

            // when
            Result resumed = recoverAndRerun(provider);

            // then
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertEverySlotOnceAndSentOnce(provider);
            assertThat(provider.fileUploadCount()).isEqualTo(FILES);
            assertThat(provider.batchCreateCount()).isEqualTo(FILES);
        }
    }

    @Test
    void killedWhilePollingTheRerunPollsTheSameBatches() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a run killed at its third poll, two of its batches seen ended
            provider.holdBatchCalls(BatchEndpoint.POLL, 2);
            killWhenHeld(provider, startOn(provider));

            // when
            Result resumed = recoverAndRerun(provider);

            // then
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertEverySlotOnceAndSentOnce(provider);
            assertThat(provider.batchCreateCount()).isEqualTo(FILES);
        }
    }

    @Test
    void killedDuringAnIngestTheRerunDownloadsNoFileAgainAndPaysEachLineOnce() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given: three lines of the first file fail, so round 1 downloads 4 result files and commits 27 samples,
            // and round 2 (those 3 slots) is killed while its result is downloaded
            provider.batchFaults().nextLines(3, Fault.status(500));
            provider.holdBatchCalls(BatchEndpoint.DOWNLOAD, 4);
            List<String> start = startOn(provider);
            killWhenHeld(provider, start);

            // when (the held download, let go, may still have been answered to no one)
            assertThat(run("recover", "last").exitCode()).isZero();
            int downloadedBefore = provider.fileDownloadCount();
            Result resumed = run(start.toArray(String[]::new));

            // then: only round 2's output is downloaded again, nothing of round 1
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertEverySlotOnceAndSentOnce(provider);
            assertThat(provider.batchCreateCount()).isEqualTo(FILES + 1);
            assertThat(provider.fileDownloadCount() - downloadedBefore).isEqualTo(1);
            assertThat(run("status", "last").output())
                    .as("each answered line billed once")
                    .contains(" in " + SLOTS + " calls")
                    .contains("spent, not kept: 0 tokens")
                    .contains("round 2 file 1:");
        }
    }

    @Test
    void sigtermWhileAwaitingStopsWith143AndTheSameCommandAwaitsTheSameBatches() throws Exception {
        TestClock clock = TestClock.manual();
        try (Simulator provider = Simulator.start(slowBatches(clock))) {
            // given a run whose batches validate for an hour, polled at least once
            List<String> start = startOn(provider);
            LegalgenProcess running = LegalgenProcess.start(workDir, start);
            await().atMost(Duration.ofMinutes(2)).until(() -> provider.batchPollCount() >= FILES);

            // when SIGTERM comes
            running.terminate();
            Result stopped = running.await(Duration.ofSeconds(60));

            // then: STOPPED, the provider's batches left running
            assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(143);
            assertThat(run("status", "last").output()).contains("STOPPED").contains("validating");
            assertThat(provider.batchCancelCount()).isZero();

            // when the batches have run and the same command runs again
            clock.advance(Duration.ofHours(2));
            Result resumed = run(start.toArray(String[]::new));

            // then: the same three batches, awaited and ingested
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertEverySlotOnceAndSentOnce(provider);
            assertThat(provider.batchCreateCount()).isEqualTo(FILES);
            assertThat(provider.fileUploadCount()).isEqualTo(FILES);
        }
    }

    @Test
    void abandonCancelsTheProviderBatchesOfAStoppedRun() throws Exception {
        TestClock clock = TestClock.manual();
        try (Simulator provider = Simulator.start(slowBatches(clock))) {
            // given a run stopped by SIGTERM while its batches validate
            List<String> start = startOn(provider);
            LegalgenProcess running = LegalgenProcess.start(workDir, start);
            await().atMost(Duration.ofMinutes(2)).until(() -> provider.batchPollCount() >= FILES);
            running.terminate();
            assertThat(running.await(Duration.ofSeconds(60)).exitCode()).isEqualTo(143);

            // when (with the provider's configuration, which the cancellation needs)
            List<String> abandon = new ArrayList<>(List.of("abandon", "last"));
            abandon.addAll(start.subList(start.indexOf("--legalgen.batch.max-lines=10"), start.size()));
            Result abandoned = run(abandon.toArray(String[]::new));

            // then
            assertThat(abandoned.exitCode()).as(abandoned.output()).isZero();
            assertThat(abandoned.output()).contains("3 provider batches cancelled");
            assertThat(provider.batchCancelCount()).isEqualTo(FILES);
            assertThat(run("status", "last").output())
                    .contains("ABANDONED")
                    .containsPattern("round 1 file 1: \\S+ cancel(ling|led)");
        }
    }

    /** Batches that validate for an hour on {@code clock}, then run at once. */
    private static SimulatorConfig slowBatches(TestClock clock) {
        return SimulatorConfig.defaults()
                .withApiKey(KEY)
                .withClock(clock)
                .withBatchTiming(new BatchTiming(Duration.ofHours(1), Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    /** {@code start} in batch mode of {@value #SLOTS} slots on a provider {@code ext} served by {@code provider}. */
    private static List<String> startOn(Simulator provider) {
        List<String> start = new ArrayList<>(List.of(
                "start",
                "targetCount=" + SLOTS,
                "chain=ext",
                "mode=batch",
                "--legalgen.batch.max-lines=10",
                "--legalgen.batch.poll-interval=50ms",
                "--legalgen.batch.max-poll-interval=200ms",
                "--legalgen.providers.ext.batch.enabled=true"));
        start.addAll(SimulatedProviders.arguments("ext", provider, KEY, "legal-sim-large"));
        start.add(SimulatedProviders.timeoutForHeldRequests("ext"));
        return start;
    }

    private List<String> lastStart;

    /** Starts {@code start}, kills it with -9 once the provider holds one of its calls, and lets the call go. */
    private void killWhenHeld(Simulator provider, List<String> start) throws IOException, InterruptedException {
        lastStart = start;
        LegalgenProcess running = LegalgenProcess.start(workDir, start);
        await().atMost(Duration.ofMinutes(2)).until(() -> provider.heldBatchCallCount() == 1);
        running.kill();
        provider.releaseBatchCalls();
    }

    private Result recoverAndRerun(Simulator provider) throws IOException, InterruptedException {
        assertThat(run("recover", "last").exitCode()).isZero();
        return run(lastStart.toArray(String[]::new));
    }

    /** The export has each slot once, and the provider was asked for each slot's line once. */
    private void assertEverySlotOnceAndSentOnce(Simulator provider) throws IOException {
        Export export = Export.read(workDir.resolve(Export.LATEST));
        assertThat(export.size()).isEqualTo(SLOTS);
        assertThat(export.distinct("id")).hasSize(SLOTS);
        List<String> batched =
                provider.batchedCustomIds().stream().flatMap(List::stream).toList();
        assertThat(batched).as("no custom id in two batches").doesNotHaveDuplicates();
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return LegalgenProcess.run(workDir, List.of(args));
    }
}
