package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.Export;
import dev.legalgen.testsupport.LegalgenProcess;
import dev.legalgen.testsupport.LegalgenProcess.Result;
import dev.legalgen.testsupport.PostgresTestDatabase;
import dev.legalgen.testsupport.SimulatedProviders;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The packaged jar on PostgreSQL, where several processes share the database: {@code stop} from
 * another process (exit 3), concurrent launches, kill -9 and recovery.
 */
@EnabledIf(
        value = "dev.legalgen.testsupport.PostgresTestDatabase#available",
        disabledReason = "no PostgreSQL server at -Dlegalgen.test.postgres.url")
class PostgresCommandLineProcessTests {

    private static final int CALLS_IN_FLIGHT = 5;

    private static final String KEY = "sim-key";
    /** Runs held by their provider: 2 partitions, so that a chunk commits after 20 answers. */
    private static final int PARTITIONS = 2;

    @TempDir
    Path workDir;

    List<String> database;
    String schemaUrl;

    @BeforeEach
    void freshSchema() {
        schemaUrl = PostgresTestDatabase.freshSchemaUrl();
        database = List.of(
                "--spring.datasource.url=" + schemaUrl,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=");
    }

    @Test
    void stopFromAnotherProcessEndsTheRunStoppedWithExit3AndTheSameCommandContinues() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a running job that has committed a chunk and waits on its provider
            List<String> start = startOn(provider, "targetCount=400");
            LegalgenProcess running = startHeldAfterAChunk(provider, start);

            // when an operator stops it from another process, and the provider answers once the stop is recorded
            Result stop = run(args("stop", "last"));
            provider.releaseRequests();

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
    }

    @Test
    void aSecondLaunchOfARunningInstanceExits4AndAKilledOneRecoversAndContinues() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a first run that has committed a chunk and waits on its provider
            List<String> start = startOn(provider, "targetCount=300");
            LegalgenProcess running = startHeldAfterAChunk(provider, start);

            // when the same command runs beside it: refused before its preflight, the instance is running
            Result second = run(start);
            assertThat(second.exitCode()).as(second.output()).isEqualTo(4);
            assertThat(provider.modelListingCount())
                    .as("the first run's preflight only")
                    .isEqualTo(1);

            // when its execution is restarted from another process: refused, it is running there
            Result restart = run(args("restart", "last"));
            assertThat(restart.exitCode()).as(restart.output()).isEqualTo(4);
            assertThat(restart.output()).contains("being run by another process");

            // when the first is killed: the rerun says what to do
            running.kill();
            provider.releaseRequests();
            Result afterKill = run(start);
            assertThat(afterKill.exitCode()).as(afterKill.output()).isEqualTo(4);
            assertThat(afterKill.output()).contains("recover");

            // when the operator recovers and reruns
            assertThat(run(args("recover", "last")).exitCode()).isZero();
            Result resumed = run(start);

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

    @Test
    void afterKillMinus9TheRestartPaysOnlyForTheCallsThatWereInFlight() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given one partition of 5 calls in flight, killed when the second chunk's first 5 answers are in and
            // its last 5 calls are held (requests 16-20): the first chunk committed, the second not
            List<String> onePartition = new ArrayList<>(
                    List.of("--legalgen.job.partitions=1", "--legalgen.job.concurrency=" + CALLS_IN_FLIGHT));
            onePartition.addAll(SimulatedProviders.arguments("ext", provider, KEY, "legal-sim-large"));
            onePartition.add(SimulatedProviders.timeoutForHeldRequests("ext"));
            List<String> start = args("start", "targetCount=30", "chain=ext", onePartition.toArray(String[]::new));
            provider.holdRequestsAfter(15);
            LegalgenProcess running = LegalgenProcess.start(workDir, start);
            await().atMost(Duration.ofMinutes(2)).until(() -> provider.heldRequestCount() == CALLS_IN_FLIGHT);
            running.kill();
            provider.releaseRequests();

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
                    .as("calls over both runs: 30 slots plus the calls in flight")
                    .isEqualTo(30 + CALLS_IN_FLIGHT);
            assertThat(run(args("status", "last")).output())
                    .as("each answered call counted once; the calls answered after the kill never reached the spend")
                    .contains(" in 30 calls")
                    .contains("spent, not kept: 0 tokens");
        }
    }

    @Test
    void aSchemaHoldingAnotherApplicationsTablesIsRefusedWithExit2AndTheFix() throws Exception {
        // given a schema that holds a table of another application's and no schema history
        new JdbcTemplate(new DriverManagerDataSource(schemaUrl, PostgresTestDatabase.user(), ""))
                .execute("create table invoices (id int primary key)");

        // when
        Result list = run(args("list"));

        // then
        assertThat(list.exitCode()).as(list.output()).isEqualTo(2);
        assertThat(list.output())
                .contains("legalgen: the database schema holds tables but no legalgen schema history")
                .contains("point SPRING_DATASOURCE_URL at an empty database")
                .doesNotContain("baselineOnMigrate");
    }

    /** {@code start} with {@code targetCount} on a provider {@code ext} served by {@code provider}. */
    private List<String> startOn(Simulator provider, String targetCount) {
        List<String> more = new ArrayList<>(List.of("--legalgen.job.partitions=" + PARTITIONS));
        more.addAll(SimulatedProviders.arguments("ext", provider, KEY, "legal-sim-large"));
        more.add(SimulatedProviders.timeoutForHeldRequests("ext"));
        return args("start", targetCount, "chain=ext", more.toArray(String[]::new));
    }

    /**
     * Starts {@code start} on {@code provider} holding every request after the first {@code PARTITIONS x chunk}:
     * each partition's first chunk can be answered, so at least one chunk commits, and then the run waits until
     * the test releases its provider, however slowly this machine starts the other processes.
     */
    private LegalgenProcess startHeldAfterAChunk(Simulator provider, List<String> start)
            throws IOException, InterruptedException {
        provider.holdRequestsAfter(PARTITIONS * DatasetJobConfiguration.CHUNK_SIZE);
        LegalgenProcess running = LegalgenProcess.start(workDir, start);
        running.awaitOutput(line -> line.contains("wrote slots"), Duration.ofMinutes(2));
        return running;
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
