package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
            LegalgenProcess first = startWorker(provider);
            LegalgenProcess second = startWorker(provider);

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
                    .contains("generateWorker:partition0")
                    .contains(":" + first.pid())
                    .contains(":" + second.pid());

            // when a worker is sent SIGTERM while idle: it exits as a signalled process does
            first.terminate();
            assertThat(first.await(Duration.ofSeconds(60)).exitCode()).isEqualTo(143);
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
        LegalgenProcess worker = LegalgenProcess.start(workDir, args(provider, "worker"));
        workers.add(worker);
        worker.awaitOutput(line -> line.contains("serves partitions from " + queue), Duration.ofMinutes(2));
        return worker;
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

    private List<String> args(Simulator provider, String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        if (command.equals("start")) {
            all.add("chain=ext");
        }
        all.addAll(List.of(more));
        all.addAll(SimulatedProviders.arguments("ext", provider, KEY, "legal-sim-large"));
        all.addAll(RabbitTestBroker.arguments(queue));
        all.add("--legalgen.job.partitions=4");
        all.add("--spring.datasource.url=" + schemaUrl);
        all.add("--spring.datasource.username=" + PostgresTestDatabase.user());
        all.add("--spring.datasource.password=");
        return all;
    }
}
