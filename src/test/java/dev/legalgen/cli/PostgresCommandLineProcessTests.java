package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.Export;
import dev.legalgen.testsupport.LegalgenProcess;
import dev.legalgen.testsupport.LegalgenProcess.Result;
import dev.legalgen.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on PostgreSQL, where several processes share the database: {@code stop} from
 * another process (exit 3), concurrent launches, kill -9 and recovery.
 */
@EnabledIf(
        value = "dev.legalgen.testsupport.PostgresTestDatabase#available",
        disabledReason = "no PostgreSQL server at -Dlegalgen.test.postgres.url")
class PostgresCommandLineProcessTests {

    private static final int CALLS_IN_FLIGHT = 5;

    /** 4 calls in flight, 100 ms each: runs long enough for another process to stop it. */
    private static final String[] SLOW = {
        "--legalgen.simulator.latency=100ms", "--legalgen.job.partitions=2", "--legalgen.job.concurrency=2"
    };

    @TempDir
    Path workDir;

    List<String> database;

    @BeforeEach
    void freshSchema() {
        database = List.of(
                "--spring.datasource.url=" + PostgresTestDatabase.freshSchemaUrl(),
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=");
    }

    @Test
    void stopFromAnotherProcessEndsTheRunStoppedWithExit3AndTheSameCommandContinues() throws Exception {
        // given a running job
        List<String> start = args("start", "targetCount=400", "chain=simulator", SLOW);
        LegalgenProcess running = LegalgenProcess.start(workDir, start);
        running.awaitOutput(line -> line.contains("wrote slots"), Duration.ofSeconds(60));

        // when an operator stops it from another process
        Result stop = run(args("stop", "last"));

        // then
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        Result stopped = running.await(Duration.ofSeconds(60));
        assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(3);
        assertThat(run(args("status", "last")).output()).contains("STOPPED");

        // when the same command runs again
        Result resumed = run(start);

        // then
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(Files.readAllLines(workDir.resolve(Export.LATEST)))
                .hasSize(400)
                .doesNotHaveDuplicates();
    }

    @Test
    void aSecondLaunchOfARunningInstanceExits4AndAKilledOneRecoversAndContinues() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey("key"))) {
            // given a first run held back by its provider's pace (a request every 2 s): it outlasts any start-up
            String[] ext = {
                "--legalgen.providers.ext.base-url=" + provider.baseUrl(),
                "--legalgen.providers.ext.api-key=key",
                "--legalgen.providers.ext.models=legal-sim-large"
            };
            List<String> paced = args(
                    "start",
                    "targetCount=300",
                    "chain=ext",
                    concat(ext, "--legalgen.providers.ext.requests-per-minute=30"));
            LegalgenProcess running = LegalgenProcess.start(workDir, paced);
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.requestCount() >= 1);

            // when the same command runs beside it: refused, the instance is running
            Result second = run(paced);
            assertThat(second.exitCode()).as(second.output()).isEqualTo(4);

            // when the first is killed: the rerun says what to do
            running.kill();
            Result afterKill = run(paced);
            assertThat(afterKill.exitCode()).as(afterKill.output()).isEqualTo(4);
            assertThat(afterKill.output()).contains("recover");

            // when the operator recovers and reruns, with the pace lifted
            assertThat(run(args("recover", "last")).exitCode()).isZero();
            Result resumed = run(args(
                    "start",
                    "targetCount=300",
                    "chain=ext",
                    concat(ext, "--legalgen.providers.ext.requests-per-minute=0")));

            // then every slot once, in one batch across the kill
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            Export export = export();
            assertThat(export.size()).isEqualTo(300);
            assertThat(export.distinct("id")).hasSize(300);
            assertThat(export.distinct("batch_id"))
                    .as("one batch across the kill")
                    .hasSize(1);
        }
    }

    private static String[] concat(String[] first, String last) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }

    @Test
    void afterKillMinus9TheRestartPaysOnlyForTheCallsThatWereInFlight() throws Exception {
        try (Simulator provider =
                Simulator.start(SimulatorConfig.defaults().withApiKey("sim-key").withLatency(Duration.ofSeconds(1)))) {
            // given one partition of 5 calls in flight, killed when the second chunk's first 5 answers are in and
            // its last 5 calls in flight (requests 16-20): the first chunk committed, the second not
            String[] onePartition = {
                "--legalgen.providers.ext.base-url=" + provider.baseUrl(),
                "--legalgen.providers.ext.api-key=sim-key",
                "--legalgen.providers.ext.models=legal-sim-large",
                "--legalgen.job.partitions=1",
                "--legalgen.job.concurrency=" + CALLS_IN_FLIGHT
            };
            List<String> start = args("start", "targetCount=30", "chain=ext", onePartition);
            LegalgenProcess running = LegalgenProcess.start(workDir, start);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> provider.requestCount() >= 20);
            running.kill();

            // when
            assertThat(run(args("recover", "last")).exitCode()).isZero();
            Result resumed = run(start);

            // then: the 5 answers of the uncommitted chunk came from the journal, one batch, every slot once
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            Export export = export();
            assertThat(export.size()).isEqualTo(30);
            assertThat(export.distinct("id")).hasSize(30);
            assertThat(export.distinct("batch_id")).hasSize(1);
            assertThat(provider.requestCount())
                    .as("calls over both runs: 30 slots plus at most the calls in flight")
                    .isLessThanOrEqualTo(30 + CALLS_IN_FLIGHT);
        }
    }

    private Export export() throws IOException {
        return Export.read(workDir.resolve(Export.LATEST));
    }

    private List<String> args(String command, String targetCount, String chain, String... more) {
        List<String> all = new ArrayList<>(List.of(command, targetCount, chain));
        all.addAll(List.of(more));
        all.addAll(database);
        return all;
    }

    private List<String> args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(database);
        return all;
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        return LegalgenProcess.run(workDir, args);
    }
}
