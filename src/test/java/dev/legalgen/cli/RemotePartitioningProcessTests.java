package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.simulator.SeenRequest;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.Export;
import dev.legalgen.testsupport.LegalgenProcess;
import dev.legalgen.testsupport.LegalgenProcess.Result;
import dev.legalgen.testsupport.PostgresTestDatabase;
import dev.legalgen.testsupport.RabbitTestBroker;
import dev.legalgen.testsupport.SimulatedProviders;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote partitioning with the packaged jar: a manager process and worker processes on one PostgreSQL schema and
 * one RabbitMQ queue, as a deployment runs them.
 */
@EnabledIf(
        value = "dev.legalgen.cli.RemotePartitioningProcessTests#servicesAvailable",
        disabledReason =
                "no PostgreSQL at -Dlegalgen.test.postgres.url or no RabbitMQ at -Dlegalgen.test.rabbitmq.host")
class RemotePartitioningProcessTests {

    private static final String KEY = "sim-key";

    @TempDir
    Path workDir;

    String schemaUrl;
    String queue;
    /** Partitions of the generate step; one worker runs two at a time. */
    int partitions = 4;
    /** More properties for every process of a test. */
    List<String> extra = List.of();
    /** The models of the chain's provider, in order. */
    String models = "legal-sim-large";

    final List<LegalgenProcess> workers = new ArrayList<>();

    static boolean servicesAvailable() {
        return PostgresTestDatabase.available() && RabbitTestBroker.available();
    }

    @BeforeEach
    void freshSchemaAndQueue() {
        schemaUrl = PostgresTestDatabase.freshSchemaUrl();
        queue = RabbitTestBroker.freshQueue();
    }

    @AfterEach
    void stopWorkersAndDeleteTheQueue() throws InterruptedException {
        for (LegalgenProcess worker : workers) {
            worker.kill();
        }
        RabbitTestBroker.deleteQueue(queue);
    }

    @Test
    void aManagerAndTwoWorkersWriteEverySlotOnceAndEachWorkerRunsPartitions() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given two workers serving the queue
            List<LegalgenProcess> two = startWorkers(provider, 2);
            LegalgenProcess first = two.get(0);
            LegalgenProcess second = two.get(1);

            // when a manager runs 300 samples in 4 partitions
            Result manager = LegalgenProcess.start(
                            workDir, args(provider, "start", "targetCount=300", "--legalgen.job.partitioning=remote"))
                    .await(Duration.ofMinutes(3));

            // then
            assertThat(manager.exitCode()).as(manager.output()).isZero();
            Export export = Export.read(workDir.resolve(Export.LATEST));
            assertThat(export.size()).isEqualTo(300);
            assertThat(export.distinct("id")).hasSize(300);
            Map<String, Integer> partitionsByWorker = claimsByWorker();
            assertThat(partitionsByWorker.values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .as("every partition claimed once")
                    .isEqualTo(4);
            assertThat(partitionsByWorker.keySet())
                    .as("each worker ran at least one partition")
                    .anyMatch(worker -> worker.endsWith(":" + first.pid()))
                    .anyMatch(worker -> worker.endsWith(":" + second.pid()));
            assertThat(provider.requestCount())
                    .as("no call made in the manager's preflight only")
                    .isGreaterThanOrEqualTo(300);
            assertThat(LegalgenProcess.run(workDir, args(provider, "status", "last"))
                            .output())
                    .contains("provider chain: current_provider=ext current_model=legal-sim-large")
                    .contains("generateWorker:partition0")
                    .contains(":" + first.pid())
                    .contains(":" + second.pid());

            // when a worker is sent SIGTERM while idle: it exits as a signalled process does
            first.terminate();
            assertThat(first.await(Duration.ofSeconds(60)).exitCode()).isEqualTo(143);
        }
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheRunNamingItsPartitionsAndTheSameStartCompletesEverySlotOnce()
            throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given two workers that have each committed a chunk of their partitions, then wait on the provider
            List<LegalgenProcess> two = startWorkers(provider, 2);
            LegalgenProcess doomed = two.get(0);
            LegalgenProcess survivor = two.get(1);
            provider.holdRequestsAfter(4 * DatasetJobConfiguration.CHUNK_SIZE);
            List<String> start = args(provider, "start", "targetCount=300", "--legalgen.job.partitioning=remote");
            LegalgenProcess manager = LegalgenProcess.start(workDir, start);
            doomed.awaitOutput(line -> line.contains("wrote slots"), Duration.ofMinutes(2));
            survivor.awaitOutput(line -> line.contains("wrote slots"), Duration.ofMinutes(2));
            Map<String, Integer> claimed = claimsByWorker();

            // when one is killed, and the provider answers again
            doomed.kill();
            provider.releaseRequests();

            // then the manager notices within legalgen.remote.dead-after and fails the run, naming the partitions
            Result failed = manager.await(Duration.ofMinutes(2));
            assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
            String doomedWorker = claimed.keySet().stream()
                    .filter(worker -> worker.endsWith(":" + doomed.pid()))
                    .findFirst()
                    .orElseThrow();
            assertThat(failed.output())
                    .containsPattern("generateWorker:partition\\d FAILED on " + doomedWorker + ": worker "
                            + doomedWorker + " stopped renewing its claim");
            assertThat(survivor.output())
                    .as("the broker gave the killed worker's requests to the survivor, which did not run them")
                    .contains("not run again");

            // when the same command runs again
            Result resumed = LegalgenProcess.run(workDir, start);

            // then the survivor runs the failed partitions, and every slot is written once
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            Export export = Export.read(workDir.resolve(Export.LATEST));
            assertThat(export.size()).isEqualTo(300);
            assertThat(export.distinct("id")).hasSize(300);
            assertThat(export.distinct("batch_id"))
                    .as("one batch across the kill")
                    .hasSize(1);
        }
    }

    @Test
    void sigtermToAWorkerStopsItsPartitionsAfterTheirChunkAndTheSameStartContinuesThemOnAnotherWorker()
            throws Exception {
        partitions = 2;
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a worker running both partitions, each with a chunk committed and the next one's calls held
            LegalgenProcess worker = startWorker(provider);
            provider.holdRequestsAfter(2 * DatasetJobConfiguration.CHUNK_SIZE);
            List<String> start = args(provider, "start", "targetCount=200", "--legalgen.job.partitioning=remote");
            LegalgenProcess manager = LegalgenProcess.start(workDir, start);
            awaitAChunkOfEachPartitionAndHeldCalls(provider, worker);

            // when the worker gets SIGTERM, and the provider answers the calls in flight
            worker.terminate();
            provider.releaseRequests();

            // then it ends its chunks, its partitions are STOPPED, and so is the run
            assertThat(worker.await(Duration.ofSeconds(90)).exitCode()).isEqualTo(143);
            Result stopped = manager.await(Duration.ofMinutes(1));
            assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(3);
            assertThat(LegalgenProcess.run(workDir, args(provider, "status", "last"))
                            .output())
                    .containsPattern("generateWorker:partition0 +STOPPED")
                    .containsPattern("generateWorker:partition1 +STOPPED");

            // when another worker serves the queue and the same command runs again
            startWorker(provider);
            Result resumed = LegalgenProcess.run(workDir, start);

            // then
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            Export export = Export.read(workDir.resolve(Export.LATEST));
            assertThat(export.size()).isEqualTo(200);
            assertThat(export.distinct("id")).hasSize(200);
        }
    }

    @Test
    void sigtermToTheManagerStopsEveryPartitionAfterItsChunkAndTheSameStartContinues() throws Exception {
        partitions = 2;
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a worker running both partitions, each with a chunk committed and the next one's calls held
            LegalgenProcess worker = startWorker(provider);
            provider.holdRequestsAfter(2 * DatasetJobConfiguration.CHUNK_SIZE);
            List<String> start = args(provider, "start", "targetCount=200", "--legalgen.job.partitioning=remote");
            LegalgenProcess manager = LegalgenProcess.start(workDir, start);
            awaitAChunkOfEachPartitionAndHeldCalls(provider, worker);

            // when the scheduler sends the manager SIGTERM, and the provider answers the calls in flight
            manager.terminate();
            provider.releaseRequests();

            // then the worker's partitions stop after their chunk, through the job repository, and the manager exits
            // 143 with the run STOPPED; the worker serves on
            Result stopped = manager.await(Duration.ofSeconds(90));
            assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(143);
            assertThat(LegalgenProcess.run(workDir, args(provider, "status", "last"))
                            .output())
                    .contains("STOPPED")
                    .containsPattern("generateWorker:partition0 +STOPPED")
                    .containsPattern("generateWorker:partition1 +STOPPED");

            // when the same command runs again
            Result resumed = LegalgenProcess.run(workDir, start);

            // then the same worker finishes the run
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            Export export = Export.read(workDir.resolve(Export.LATEST));
            assertThat(export.size()).isEqualTo(200);
            assertThat(export.distinct("id")).hasSize(200);
        }
    }

    @Test
    void aWorkerStartedAfterTheRunBeganTakesItsWaitingPartitions() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given a manager whose 4 partition requests wait in the queue: no worker yet
            LegalgenProcess manager = LegalgenProcess.start(
                    workDir, args(provider, "start", "targetCount=100", "--legalgen.job.partitioning=remote"));
            await().atMost(Duration.ofMinutes(2)).until(() -> RabbitTestBroker.waiting(queue) == 4);

            // when a worker starts
            LegalgenProcess late = startWorker(provider);

            // then it runs them all, two at a time, and the run completes
            Result done = manager.await(Duration.ofMinutes(2));
            assertThat(done.exitCode()).as(done.output()).isZero();
            Map<String, Integer> claims = claimsByWorker();
            assertThat(claims.keySet()).singleElement().asString().endsWith(":" + late.pid());
            assertThat(claims.values()).containsExactly(4);
            assertThat(Export.read(workDir.resolve(Export.LATEST)).size()).isEqualTo(100);
        }
    }

    @Test
    void twoWorkersTogetherKeepTheProvidersRequestsPerMinute() throws Exception {
        try (Simulator provider =
                Simulator.start(SimulatorConfig.defaults().withApiKey(KEY).withLimits(120, 0))) {
            // given two workers whose limiter knows the provider's 120 requests a minute, as one process would
            extra = List.of("--legalgen.providers.ext.requests-per-minute=120");
            startWorkers(provider, 2);

            // when a manager runs 150 samples on them, more than a minute of calls
            Result manager = LegalgenProcess.start(
                            workDir, args(provider, "start", "targetCount=150", "--legalgen.job.partitioning=remote"))
                    .await(Duration.ofMinutes(3));

            // then together they called at the limit's pace, 2 a second, and the provider refused next to none
            assertThat(manager.exitCode()).as(manager.output()).isZero();
            List<SeenRequest> calls = provider.requests();
            long refused = calls.stream().filter(call -> call.status() == 429).count();
            double seconds = Duration.between(
                                    calls.get(0).time(),
                                    calls.get(calls.size() - 1).time())
                            .toMillis()
                    / 1000.0;
            double perSecond = (calls.size() - 1) / seconds;
            assertThat(perSecond).as("calls a second, %d calls", calls.size()).isBetween(1.8, 2.2);
            assertThat(refused).as("answered 429").isLessThanOrEqualTo(calls.size() / 100);
            assertThat(claimsByWorker()).hasSize(2);
        }
    }

    @Test
    void whatTheManagersPreflightFoundOutTheWorkersKnowBeforeTheirFirstCall() throws Exception {
        models = "legal-sim-retired,legal-sim-large";
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given two workers, and a chain whose first model the provider no longer lists
            startWorkers(provider, 2);

            // when a manager runs 40 samples on them
            LegalgenProcess manager = LegalgenProcess.start(
                    workDir, args(provider, "start", "targetCount=40", "--legalgen.job.partitioning=remote"));
            Result done = manager.await(Duration.ofMinutes(2));

            // then the manager's preflight found the model gone, and no worker asked it even once
            assertThat(done.exitCode()).as(done.output()).isZero();
            assertThat(Export.read(workDir.resolve(Export.LATEST)).size()).isEqualTo(40);
            assertThat(provider.requests())
                    .extracting(SeenRequest::model)
                    .hasSizeGreaterThanOrEqualTo(40)
                    .containsOnly("legal-sim-large");
            assertThat(routeOutages()).containsExactly("model_out ext:legal-sim-retired by " + manager.pid());
        }
    }

    @Test
    @EnabledIf(
            value = "dev.legalgen.testsupport.RabbitTestBroker#restartable",
            disabledReason = "rabbitmqctl cannot stop and start this machine's broker")
    void theBrokerRestartedMidRunLosesNoPartitionRequest() throws Exception {
        partitions = 6;
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey(KEY))) {
            // given one worker running two partitions, its calls held, and four requests waiting in the queue
            startWorker(provider);
            provider.holdRequestsAfter(0);
            LegalgenProcess manager = LegalgenProcess.start(
                    workDir, args(provider, "start", "targetCount=120", "--legalgen.job.partitioning=remote"));
            await().atMost(Duration.ofMinutes(2)).until(() -> RabbitTestBroker.waiting(queue) == 4);

            // when the broker stops and starts again, and then the provider answers
            RabbitTestBroker.restart();
            provider.releaseRequests();

            // then the waiting requests were kept, the worker came back to them, and the run completes
            Result done = manager.await(Duration.ofMinutes(3));
            assertThat(done.exitCode()).as(done.output()).isZero();
            Export export = Export.read(workDir.resolve(Export.LATEST));
            assertThat(export.size()).isEqualTo(120);
            assertThat(export.distinct("id")).hasSize(120);
            assertThat(claimsByWorker().values()).containsExactly(6);
        }
    }

    @Test
    void remoteModeOnTheEmbeddedDatabaseIsAConfigurationErrorThatRunsNothing() throws Exception {
        // when
        Result refused = LegalgenProcess.run(
                workDir, List.of("start", "targetCount=10", "chain=simulator", "--legalgen.job.partitioning=remote"));
        Result worker = LegalgenProcess.run(workDir, List.of("worker"));

        // then
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("need PostgreSQL").contains("spring.datasource.url=jdbc:postgresql://");
        assertThat(worker.exitCode()).as(worker.output()).isEqualTo(2);
        assertThat(worker.output()).contains("need PostgreSQL");
    }

    private LegalgenProcess startWorker(Simulator provider) throws IOException, InterruptedException {
        return startWorkers(provider, 1).get(0);
    }

    /** Workers started together (a worker's start takes seconds), once each serves the queue. */
    private List<LegalgenProcess> startWorkers(Simulator provider, int count) throws IOException, InterruptedException {
        List<LegalgenProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(LegalgenProcess.start(workDir, args(provider, "worker")));
        }
        workers.addAll(started);
        for (LegalgenProcess worker : started) {
            worker.awaitOutput(line -> line.contains("serves partitions from " + queue), Duration.ofMinutes(2));
        }
        return started;
    }

    /** Until {@code worker} has committed a chunk of each of its 2 partitions and the next calls are held. */
    private static void awaitAChunkOfEachPartitionAndHeldCalls(Simulator provider, LegalgenProcess worker) {
        await().atMost(Duration.ofMinutes(2))
                .until(() -> provider.heldRequestCount() > 0
                        && worker.output()
                                        .lines()
                                        .filter(line -> line.contains("wrote slots"))
                                        .count()
                                >= 2);
    }

    /** Partitions claimed, by worker (host:pid). */
    private Map<String, Integer> claimsByWorker() throws SQLException {
        Map<String, Integer> claims = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(schemaUrl, PostgresTestDatabase.user(), "");
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT worker, COUNT(*) FROM partition_claim GROUP BY worker")) {
            while (rows.next()) {
                claims.put(rows.getString(1), rows.getInt(2));
            }
        }
        return claims;
    }

    /** What the processes of the run shared about its routes: kind, route, and the pid of the one that found it. */
    private List<String> routeOutages() throws SQLException {
        List<String> outages = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(schemaUrl, PostgresTestDatabase.user(), "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT kind, provider, model, worker FROM route_outage")) {
            while (rows.next()) {
                String worker = rows.getString(4);
                outages.add(rows.getString(1) + " " + rows.getString(2) + ":" + rows.getString(3) + " by "
                        + worker.substring(worker.lastIndexOf(':') + 1));
            }
        }
        return outages;
    }

    private List<String> args(Simulator provider, String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        if (command.equals("start")) {
            all.add("chain=ext");
        }
        all.addAll(List.of(more));
        all.addAll(SimulatedProviders.arguments("ext", provider, KEY, models));
        all.addAll(RabbitTestBroker.arguments(queue));
        all.add("--legalgen.job.partitions=" + partitions);
        all.addAll(extra);
        all.add("--legalgen.remote.heartbeat=1s");
        all.add("--legalgen.remote.dead-after=5s");
        all.add(SimulatedProviders.timeoutForHeldRequests("ext"));
        all.add("--spring.datasource.url=" + schemaUrl);
        all.add("--spring.datasource.username=" + PostgresTestDatabase.user());
        all.add("--spring.datasource.password=");
        return all;
    }
}
