package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.Export;
import dev.legalgen.testsupport.LegalgenProcess;
import dev.legalgen.testsupport.LegalgenProcess.Result;
import dev.legalgen.testsupport.SimulatedProviders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a scheduler runs it: exit codes, SIGTERM, SIGINT, kill -9 and recovery, on
 * the default embedded H2 file database, in a fresh directory per test.
 */
class CommandLineProcessTests {

    private static final int CALLS_IN_FLIGHT = 5;
    private static final String KEY = "sim-key";
    /** Runs held by their provider: the default partitions, written out so that the hold below matches them. */
    private static final int PARTITIONS = 8;
    /** What {@code GracefulShutdown} logs once a signal's stop is recorded: the run will not go on after it. */
    private static final String STOP_RECORDED = "stops after its current chunk";

    /** The simulator's 401 (Groq's dialect) for a key it does not accept, after the routes it took out. */
    private static final String REJECTED_KEY = "authentication: ext rejected the API key (401 invalid_api_key:"
            + " \"Invalid API Key\"): set EXT_API_KEY (or legalgen.providers.ext.api-key)";

    @TempDir
    Path workDir;

    @Test
    void completesThenTreatsARerunAsAlreadyComplete() throws Exception {
        Result first = run("start", "targetCount=30", "chain=simulator");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertExportHasDistinctSamples(30);
        Path exported = exportedFile(first);

        Result rerun = run("start", "targetCount=30", "chain=simulator");
        assertThat(rerun.exitCode()).as(rerun.output()).isZero();
        assertThat(rerun.output()).contains("already complete").contains("its export is " + exported);

        Result status = run("status", "last");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output())
                .contains("COMPLETED")
                .contains("samples committed: 30 of 30")
                .contains("export: " + exported);
    }

    @Test
    void aCompletedInstanceStartedWithAnotherOutputSaysWhereItsExportIsAndHowToGetAnother() throws Exception {
        // given a completed instance
        Result first = run("start", "targetCount=10", "chain=simulator");
        assertThat(first.exitCode()).as(first.output()).isZero();
        Path exported = exportedFile(first);

        // when the same parameters come with another output
        Path elsewhere = workDir.resolve("elsewhere.jsonl");
        Result rerun = run("start", "targetCount=10", "chain=simulator", "output=" + elsewhere);

        // then: nothing is run or written, and the message says where the export is and what to do instead
        assertThat(rerun.exitCode()).as(rerun.output()).isZero();
        assertThat(rerun.output())
                .contains("already complete")
                .contains("its export is " + exported)
                .contains("output= does not re-export a completed instance")
                .contains("copy that file")
                .contains("start --next");
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void startNextTwiceGivesEachInstanceItsOwnExportAndLatestNamesTheNewest() throws Exception {
        // when the same request runs twice as new instances
        Result first = run("start", "--next", "targetCount=10", "chain=simulator");
        Result second = run("start", "--next", "targetCount=10", "chain=simulator");

        // then: two exports side by side, neither overwritten, and latest.jsonl links to the second
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        Path firstFile = exportedFile(first);
        Path secondFile = exportedFile(second);
        assertThat(firstFile).isNotEqualTo(secondFile).hasParent(secondFile.getParent());
        assertThat(Export.read(firstFile).size()).isEqualTo(10);
        assertThat(Export.read(secondFile).size()).isEqualTo(10);
        assertThat(Export.read(firstFile).distinct("batch_id"))
                .doesNotContainAnyElementsOf(Export.read(secondFile).distinct("batch_id"));
        Path latest = workDir.resolve(Export.LATEST);
        assertThat(Files.readSymbolicLink(latest)).isEqualTo(secondFile.getFileName());
        assertThat(latest.toRealPath()).isEqualTo(secondFile.toRealPath());
    }

    @Test
    void theExportIsCreatedWithTheUmasksPermissionsNotOwnerOnly() throws Exception {
        // given the permissions the user's umask gives a new file (0644 with the usual 022)
        Set<PosixFilePermission> umasked =
                Files.getPosixFilePermissions(Files.createFile(workDir.resolve("any-new-file")));

        // when
        Result done = run("start", "targetCount=10", "chain=simulator");

        // then
        assertThat(done.exitCode()).as(done.output()).isZero();
        assertThat(Files.getPosixFilePermissions(exportedFile(done))).isEqualTo(umasked);
    }

    @Test
    void anOutputThatCannotBeWrittenExits2BeforeAnyProviderIsCalled() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey("key"))) {
            List<String> start = List.of(
                    "start",
                    "targetCount=10",
                    "chain=ext",
                    "--legalgen.providers.ext.base-url=" + provider.baseUrl(),
                    "--legalgen.providers.ext.api-key=key",
                    "--legalgen.providers.ext.models=legal-sim-large");

            // when the output is a directory
            Result directory = run(with(start, "output=" + workDir));

            // then
            assertThat(directory.exitCode()).as(directory.output()).isEqualTo(2);
            assertThat(directory.output()).contains("output: " + workDir + " is a directory, not a file");

            // when the output's directory admits no new file (/sys: not even root's)
            Result unwritable = run(with(start, "output=/sys/legal-qa.jsonl"));

            // then
            assertThat(unwritable.exitCode()).as(unwritable.output()).isEqualTo(2);
            assertThat(unwritable.output())
                    .contains("output: /sys/legal-qa.jsonl: cannot create files in /sys (permission denied)");

            // when the default output's directory cannot be created: a file is in its way
            Files.createFile(workDir.resolve("out"));
            Result noDefault = run(start.toArray(String[]::new));

            // then
            assertThat(noDefault.exitCode()).as(noDefault.output()).isEqualTo(2);
            assertThat(noDefault.output())
                    .contains("output: cannot create directory " + workDir.resolve("out/legal-qa") + ": "
                            + workDir.resolve("out") + " is a file");

            // and not one request reached the provider, not even the preflight's model listing
            assertThat(provider.requestCount()).isZero();
            assertThat(provider.modelListingCount()).isZero();
        }
    }

    @Test
    void usageErrorsExit2NamingWhatIsWrong() throws Exception {
        Result badNumber = run("start", "targetCount=ten", "chain=simulator");
        assertThat(badNumber.exitCode()).isEqualTo(2);
        assertThat(badNumber.output()).contains("targetCount: 'ten'");

        Result unknownArea = run("start", "practiceAreas=Space Law", "chain=simulator");
        assertThat(unknownArea.exitCode()).isEqualTo(2);
        assertThat(unknownArea.output()).contains("practiceAreas").contains("Contract Law");

        Result unknownCommand = run("generate");
        assertThat(unknownCommand.exitCode()).isEqualTo(2);

        Result badConfig = run("start", "chain=simulator", "--legalgen.job.partitions=0");
        assertThat(badConfig.exitCode()).isEqualTo(2);
        assertThat(badConfig.output()).contains("legalgen.job.partitions");
    }

    @Test
    void operatorCommandsOnMissingOrFinishedExecutionsExit5() throws Exception {
        assertThat(run("restart", "999").exitCode()).isEqualTo(5);
        assertThat(run("status", "last").exitCode()).isEqualTo(5);
        assertThat(run("start", "targetCount=10", "chain=simulator").exitCode()).isZero();
        assertThat(run("restart", "last").exitCode()).isEqualTo(5);
        assertThat(run("abandon", "last").exitCode()).isEqualTo(5);
        assertThat(run("recover", "last").exitCode()).isEqualTo(5);
    }

    @Test
    void sigtermStopsAfterTheCurrentChunkAndTheSameCommandContinues() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a run that has committed a chunk and waits on its provider
            List<String> start = startOn(provider, "targetCount=400");
            LegalgenProcess running = startHeldAfterAChunk(provider, start);

            // when SIGTERM comes, and the provider answers once the stop is recorded
            running.terminate();
            running.awaitOutput(line -> line.contains(STOP_RECORDED), Duration.ofSeconds(30));
            provider.releaseRequests();
            Result stopped = running.await(Duration.ofSeconds(30));

            // then: STOPPED with whole chunks committed, no export, no temporary file left behind
            assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(143);
            assertThat(run("status", "last").output()).contains("STOPPED");
            assertThat(workDir.resolve("out/legal-qa")).isEmptyDirectory();

            // when the same command runs again
            Result resumed = run(start.toArray(String[]::new));

            // then
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertExportHasDistinctSamples(400);
        }
    }

    @Test
    void ctrlCStopsLikeSigtermWithExit130() throws Exception {
        assumeFalse(
                LegalgenProcess.sigintIgnored(),
                "SKIPPED: this JVM ignores SIGINT (started in the background by a shell), and so would the job;"
                        + " run the tests in the foreground");
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            LegalgenProcess running = startHeldAfterAChunk(provider, startOn(provider, "targetCount=400"));

            running.interrupt();
            running.awaitOutput(line -> line.contains(STOP_RECORDED), Duration.ofSeconds(30));
            provider.releaseRequests();
            Result stopped = running.await(Duration.ofSeconds(30));

            assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(130);
            assertThat(run("status", "last").output()).contains("STOPPED");
        }
    }

    @Test
    void afterKillMinus9TheRerunSaysWhatToDoAndRecoverLetsItContinueWithTheSameBatchId() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a run killed mid-way: its execution stays STARTED
            List<String> start = startOn(provider, "targetCount=300");
            startHeldAfterAChunk(provider, start).kill();
            provider.releaseRequests();

            // when the scheduler reruns the same command
            Result rerun = run(start.toArray(String[]::new));

            // then it refuses, and says how to recover
            assertThat(rerun.exitCode()).as(rerun.output()).isEqualTo(4);
            assertThat(rerun.output()).contains("recover");

            // when the operator restarts or abandons the execution as it stands
            Result restart = run("restart", "last");
            Result abandon = run("abandon", "last");

            // then each refuses, and says to recover it first
            assertThat(restart.exitCode()).as(restart.output()).isEqualTo(4);
            assertThat(restart.output()).containsPattern("Run: recover (\\d+), then restart \\1");
            assertThat(abandon.exitCode()).as(abandon.output()).isEqualTo(4);
            assertThat(abandon.output()).containsPattern("Run: recover (\\d+), then abandon \\1");

            // when the operator recovers and reruns
            assertThat(run("recover", "last").exitCode()).isZero();
            Result resumed = run(start.toArray(String[]::new));

            // then every slot is there exactly once, all of one batch
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertExportHasDistinctSamples(300);
            assertThat(export().distinct("batch_id")).hasSize(1);
        }
    }

    @Test
    void afterKillMinus9TheRestartPaysOnlyForTheCallsThatWereInFlight() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given one partition of 5 calls in flight, killed when the second chunk's first 5 answers are in and
            // its last 5 calls are held (requests 16-20): the first chunk committed, the second not
            List<String> start = new ArrayList<>(List.of(
                    "start",
                    "targetCount=30",
                    "chain=ext",
                    "--legalgen.job.partitions=1",
                    "--legalgen.job.concurrency=" + CALLS_IN_FLIGHT));
            start.addAll(SimulatedProviders.arguments("ext", provider, KEY, "legal-sim-large,legal-sim-small"));
            start.add(SimulatedProviders.timeoutForHeldRequests("ext"));
            provider.holdRequestsAfter(15);
            LegalgenProcess running = LegalgenProcess.start(workDir, start);
            await().atMost(Duration.ofMinutes(2)).until(() -> provider.heldRequestCount() == CALLS_IN_FLIGHT);
            running.kill();
            provider.releaseRequests();

            // when
            assertThat(run("recover", "last").exitCode()).isZero();
            Result resumed = run(start.toArray(String[]::new));

            // then: the 5 answers of the uncommitted chunk came from the journal, one batch, every slot once
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertExportHasDistinctSamples(30);
            assertThat(export().distinct("batch_id")).hasSize(1);
            assertThat(provider.requestCount())
                    .as("calls over both runs: 30 slots plus the calls in flight")
                    .isEqualTo(30 + CALLS_IN_FLIGHT);
            assertThat(run("status", "last").output())
                    .as("each answered call counted once; the calls answered after the kill never reached the spend")
                    .contains(" in 30 calls")
                    .contains("spent, not kept: 0 tokens");
        }
    }

    @Test
    void recoverStaleRecoversAndContinuesInOneStep() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            List<String> start = startOn(provider, "targetCount=200");
            startHeldAfterAChunk(provider, start).kill();
            provider.releaseRequests();

            start.add(1, "--recover-stale");
            Result resumed = run(start.toArray(String[]::new));

            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertExportHasDistinctSamples(200);
        }
    }

    @Test
    void aSecondLaunchWhileTheFirstRunsExits4AndTouchesNothing() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a first run held by its provider: it waits on the test, not on a clock
            List<String> start = startOn(provider, "targetCount=100");
            LegalgenProcess first = startHeldAfterAChunk(provider, start);

            // when the same command runs beside it
            Result second = run(start.toArray(String[]::new));

            // then it refuses before its preflight asked the provider anything, and the first goes on until stopped
            assertThat(second.exitCode()).as(second.output()).isEqualTo(4);
            assertThat(provider.modelListingCount())
                    .as("the first run's preflight only")
                    .isEqualTo(1);
            first.terminate();
            first.awaitOutput(line -> line.contains(STOP_RECORDED), Duration.ofSeconds(30));
            provider.releaseRequests();
            assertThat(first.await(Duration.ofSeconds(40)).exitCode()).isEqualTo(143);

            // when the same command runs again
            Result resumed = run(start.toArray(String[]::new));

            // then the instance completes, each slot once
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertExportHasDistinctSamples(100);
        }
    }

    @Test
    void aRejectedKeyFailsTheRunAndTheSameCommandCompletesOnceTheKeyIsFixed() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey("right-key"))) {
            // given a provider whose key is wrong
            List<String> start = List.of(
                    "start",
                    "targetCount=30",
                    "chain=ext",
                    "--legalgen.providers.ext.base-url=" + provider.baseUrl(),
                    "--legalgen.providers.ext.models=legal-sim-large,legal-sim-small");

            // when
            Result failed = run(with(start, "--legalgen.providers.ext.api-key=wrong-key"));

            // then: FAILED at once, saying which key to fix, without showing it
            assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
            assertThat(failed.output()).contains("ext rejected the API key").doesNotContain("wrong-key");
            assertThat(provider.requestCount()).isLessThanOrEqualTo(40);

            // when the operator asks why, from another process
            Result status = run("status", "last");

            // then: the cause that decided the run, as the exit line gave it: route, category, the provider's words,
            // the fix; and the provider among those out
            String cause = "no provider route left: ext:legal-sim-large, ext:legal-sim-small " + REJECTED_KEY;
            assertThat(status.output())
                    .contains("exit description: " + cause)
                    .contains("providers_out=[ext]")
                    .doesNotContain("Exception")
                    .doesNotContain("wrong-key");
            assertThat(failed.output()).contains(cause);

            // when the key is fixed (configuration, not a job parameter: the same instance continues)
            Result resumed = run(with(start, "--legalgen.providers.ext.api-key=right-key"));

            // then
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("Restarting instance");
            assertExportHasDistinctSamples(30);
        }
    }

    @Test
    void statusOfARunFailedByAKeyRevokedMidRunShowsTheCauseNotThePartitionHandler() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey("sim-key"))) {
            // given a key the provider stops accepting after 15 answers: the partitions fail mid-run
            provider.faults().forAllModels().after(15, new Fault.Status(401, null));
            Result failed = run(
                    "start",
                    "targetCount=60",
                    "chain=ext",
                    "--legalgen.providers.ext.base-url=" + provider.baseUrl(),
                    "--legalgen.providers.ext.api-key=sim-key",
                    "--legalgen.providers.ext.models=legal-sim-large");
            assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);

            // when
            Result status = run("status", "last");

            // then: the cause, not Batch's "Partition handler returned an unsuccessful step", and the provider out
            assertThat(status.exitCode()).isZero();
            assertThat(status.output())
                    .contains("exit description: no provider route left: ext:legal-sim-large " + REJECTED_KEY)
                    .contains("providers_out=[ext]")
                    .doesNotContain("Partition handler")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void anUnreachableProviderFailsTheRunWithinSecondsNamingItsUrl() throws Exception {
        // given a base URL where nothing listens (a typo a scheduler user makes once)
        String url = "http://127.0.0.1:" + closedPort() + "/v1";

        // when
        Result failed = run(
                "start",
                "targetCount=20",
                "chain=ext",
                "--legalgen.providers.ext.base-url=" + url,
                "--legalgen.providers.ext.api-key=some-key",
                "--legalgen.providers.ext.models=legal-sim-large");

        // then: the preflight's model listing could not connect, and says where it tried and what happened there,
        // as a network problem (not one of keys or models)
        String cause = "no provider route left: ext:legal-sim-large connection_error: cannot reach ext at " + url
                + " (connection refused): check legalgen.providers.ext.base-url and the network";
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains(cause).doesNotContain(": null").doesNotContain("keys/models");
        // the execution's own time as the process reports it: a loaded machine's JVM start-up is not the run's
        Matcher took =
                Pattern.compile("FAILED: wrote 0 samples in (\\d+\\.\\d)s").matcher(failed.output());
        assertThat(took.find()).as(failed.output()).isTrue();
        assertThat(Double.parseDouble(took.group(1))).isLessThan(15.0);
        assertThat(run("status", "last").output()).contains("exit description: " + cause);
    }

    @Test
    void sigtermWhileCallsWaitForTheProvidersPaceStopsAtOnceAndTheSameCommandContinues() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey("key"))) {
            // given 40 callers queued behind a provider that allows one request every 10 s
            List<String> start = List.of(
                    "start",
                    "targetCount=60",
                    "chain=ext",
                    "--legalgen.providers.ext.base-url=" + provider.baseUrl(),
                    "--legalgen.providers.ext.api-key=key",
                    "--legalgen.providers.ext.models=legal-sim-large",
                    "--legalgen.job.shutdown-timeout=20s");
            LegalgenProcess running = LegalgenProcess.start(
                    workDir, List.of(with(start, "--legalgen.providers.ext.requests-per-minute=6")));
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.requestCount() >= 1);

            // when
            running.terminate();
            Instant signalled = Instant.now();
            Result stopped = running.await(Duration.ofSeconds(40));

            // then: the waits ended at once, nothing more was sent, and the execution is STOPPED
            assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(143);
            assertThat(Duration.between(signalled, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(provider.requestCount()).isLessThanOrEqualTo(2);
            assertThat(run("status", "last").output()).contains("STOPPED");

            // when the same command runs again, with the provider's limit lifted (configuration, not a parameter)
            Result resumed = run(with(start, "--legalgen.providers.ext.requests-per-minute=0"));

            // then
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertExportHasDistinctSamples(60);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void simulateServesUntilSigtermAndSaysHowManyChatRequestsItSaw() throws Exception {
        // given a simulator run as a command
        LegalgenProcess simulator = LegalgenProcess.start(workDir, List.of("simulate", "--port", "0"));
        simulator.awaitOutput(line -> line.contains("http://127.0.0.1:"), Duration.ofSeconds(60));
        Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/v1").matcher(simulator.output());
        assertThat(url.find()).isTrue();

        // when it is sent three chat requests, then SIGTERM
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 3; i++) {
            http.send(
                    HttpRequest.newBuilder(URI.create(url.group() + "/chat/completions"))
                            .header("Authorization", "Bearer any-key")
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            "{\"model\":\"legal-sim-large\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        simulator.terminate();
        Result stopped = simulator.await(Duration.ofSeconds(30));

        // then its last line counts them (what jobs/bench compares with the samples it asked for)
        assertThat(stopped.output()).contains("simulator stopped after 3 chat requests");
    }

    /** {@code start} with {@code targetCount} on a provider {@code ext} served by {@code provider}. */
    private static List<String> startOn(Simulator provider, String targetCount) {
        List<String> start =
                new ArrayList<>(List.of("start", targetCount, "chain=ext", "--legalgen.job.partitions=" + PARTITIONS));
        start.addAll(SimulatedProviders.arguments("ext", provider, KEY, "legal-sim-large"));
        start.add(SimulatedProviders.timeoutForHeldRequests("ext"));
        return start;
    }

    /**
     * Starts {@code start} on {@code provider} holding every request after the first {@code PARTITIONS x chunk}:
     * each partition's first chunk can be answered, so at least one chunk commits, and then the run waits until
     * the test releases its provider, however slowly this machine started the process.
     */
    private LegalgenProcess startHeldAfterAChunk(Simulator provider, List<String> start)
            throws IOException, InterruptedException {
        provider.holdRequestsAfter(PARTITIONS * DatasetJobConfiguration.CHUNK_SIZE);
        LegalgenProcess running = LegalgenProcess.start(workDir, start);
        running.awaitOutput(line -> line.contains("wrote slots"), Duration.ofMinutes(2));
        return running;
    }

    private static String[] with(List<String> args, String extra) {
        List<String> all = new ArrayList<>(args);
        all.add(extra);
        return all.toArray(String[]::new);
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return LegalgenProcess.run(workDir, List.of(args));
    }

    /** The file a completed run says it exported to. */
    private static Path exportedFile(Result completed) {
        Matcher exported = Pattern.compile("exported to (\\S+)").matcher(completed.output());
        assertThat(exported.find()).as(completed.output()).isTrue();
        return Path.of(exported.group(1));
    }

    private Export export() throws IOException {
        return Export.read(workDir.resolve(Export.LATEST));
    }

    /** The export has exactly {@code count} lines, with distinct ids. */
    private void assertExportHasDistinctSamples(int count) throws IOException {
        Export export = export();
        assertThat(export.size()).isEqualTo(count);
        assertThat(export.distinct("id")).hasSize(count);
    }
}
