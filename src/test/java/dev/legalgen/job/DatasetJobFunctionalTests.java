package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole job against the in-process simulator over real HTTP, on an embedded H2 database. */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:dataset-job;DB_CLOSE_DELAY=-1", "legalgen.job.retry-delay=10ms"
        })
class DatasetJobFunctionalTests {

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    SimulatorProvider simulatorProvider;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ThreadPoolTaskExecutor itemExecutor;

    @TempDir
    Path outDir;

    Simulator simulator;

    @BeforeEach
    void resetSimulator() {
        simulator = simulatorProvider.simulator();
        simulator.reset();
    }

    @Test
    void generatesExactlyTargetCountSamplesWithUniqueIdsAndBalancedCoverage() throws IOException {
        // given
        DatasetParameters params = params("targetCount=100");

        // when
        Outcome outcome = launcher.start(params, false);

        // then
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(count("SELECT COUNT(*) FROM legal_sample WHERE job_instance_id = ?", instance))
                .isEqualTo(100);
        assertThat(count("SELECT COUNT(DISTINCT id) FROM legal_sample WHERE job_instance_id = ?", instance))
                .isEqualTo(100);
        assertThat(JobRows.slots(jdbc, instance)).containsExactlyElementsOf(range(0, 100));
        assertThat(simulator.requestCount()).isEqualTo(100);

        List<JsonNode> lines = readJsonl(Path.of(params.output()));
        assertThat(lines).hasSize(100);
        assertThat(lines)
                .extracting(l -> l.get("batch_id").asString())
                .containsOnly(lines.get(0).get("batch_id").asString())
                .allMatch(b -> b.matches("batch_\\d+_[0-9a-f]{8}"));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("id").asString()).startsWith("simulator_");
            for (String field : List.of("question", "answer", "reasoning", "case_citation", "topic")) {
                assertThat(line.get(field).asString()).isNotBlank();
            }
            assertThat(line.get("topic").asString())
                    .startsWith(line.get("practice_area").asString() + " - ");
            assertThat(line.get("tokens_used").asInt()).isPositive();
        });
        assertBalanced(lines, l -> l.get("practice_area").asString());
        assertBalanced(lines, l -> l.get("difficulty").asString());
        assertThat(Files.list(outDir).map(p -> p.getFileName().toString())).containsExactly("samples.jsonl");
    }

    @Test
    void rerunOfACompletedInstanceDoesNoWorkAndSucceeds() {
        // given
        DatasetParameters params = params("targetCount=20");
        assertThat(launcher.start(params, false).exitCode()).isEqualTo(ExitCode.OK);
        int calls = simulator.requestCount();

        // when
        Outcome rerun = launcher.start(params, false);

        // then
        assertThat(rerun.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(rerun.message()).contains("already complete");
        assertThat(simulator.requestCount()).isEqualTo(calls);
    }

    @Test
    void aProviderFailureMidRunFailsTheJobAndTheRestartPaysOnlyForSlotsNeverAnswered() {
        // given: the key is revoked after 56 answers (every route of the only provider then answers 401)
        DatasetParameters params = params("targetCount=100");
        simulator.faults().forAllModels().after(56, new Fault.Status(401, null));

        // when
        Outcome first = launcher.start(params, false);

        // then: FAILED and restartable, with whole chunks committed, nothing written twice, and every answer
        // that was paid for either committed or journaled
        assertThat(first.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(first.message()).contains("401");
        long instance = JobRows.instanceOf(jdbc, first);
        int committed = count("SELECT COUNT(*) FROM legal_sample WHERE job_instance_id = ?", instance);
        assertThat(committed).isLessThan(100);
        await().atMost(Duration.ofSeconds(10)).until(() -> itemExecutor.getActiveCount() == 0);
        long answeredInFirstRun =
                simulator.requests().stream().filter(r -> r.status() == 200).count();
        int journaled = JobRows.journaled(jdbc, instance);
        assertThat(journaled).as("answers of chunks that never committed").isPositive();
        assertThat(committed + journaled).as("no answer thrown away").isEqualTo(answeredInFirstRun);

        // when: the key is fixed and the same command runs again
        simulator.reset();
        Outcome second = launcher.start(params, false);

        // then: the journaled answers are reused, and pruned as their chunks commit
        assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(JobRows.instanceOf(jdbc, second)).isEqualTo(instance);
        assertThat(JobRows.slots(jdbc, instance)).containsExactlyElementsOf(range(0, 100));
        assertThat(simulator.requestCount())
                .as("the restart calls the provider only for slots neither committed nor journaled")
                .isEqualTo(100 - committed - journaled);
        assertThat(JobRows.journaled(jdbc, instance)).isZero();
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeAnyProviderIsCalled() throws IOException {
        // given an output path taken by a directory
        Path taken = Files.createDirectories(outDir.resolve("taken.jsonl"));
        DatasetParameters params = DatasetParameters.parse(
                List.of(
                        "targetCount=10",
                        "chain=simulator",
                        "runId=" + UUID.randomUUID(),
                        "dataset=t-" + UUID.randomUUID(),
                        "output=" + taken),
                null);

        // when / then
        assertThatThrownBy(() -> launcher.start(params, false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(taken + " is a directory");
        assertThat(simulator.requestCount()).isZero();
        assertThat(simulator.modelListingCount()).isZero();
    }

    @Test
    void aFailedExportLeavesNoPartialFileAndTheRestartOnlyExportsAgain() throws IOException {
        // given a run whose output is writable at the start, and blocked by a directory while its last call is held
        Path blocked = outDir.resolve("blocked.jsonl");
        List<String> args = new ArrayList<>(List.of(
                "targetCount=30", "chain=simulator", "runId=" + UUID.randomUUID(), "dataset=t-" + UUID.randomUUID()));
        DatasetParameters first = DatasetParameters.parse(with(args, "output=" + blocked), null);
        simulator.holdRequestsAfter(29);

        // when
        CompletableFuture<Outcome> run = CompletableFuture.supplyAsync(() -> launcher.start(first, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.heldRequestCount() == 1);
        Files.createDirectories(blocked.resolve("inside"));
        simulator.releaseRequests();
        Outcome failed = run.join();

        // then: generation committed, the export failed saying where and why, and nothing half-written is left
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.message()).contains("cannot write the export to " + blocked + " (is a directory)");
        assertThat(Files.list(outDir).map(p -> p.getFileName().toString())).containsExactly("blocked.jsonl");
        int calls = simulator.requestCount();

        // when the output is fixed (output does not identify the instance) and the command reruns
        Outcome resumed = launcher.start(
                DatasetParameters.parse(with(args, "output=" + outDir.resolve("ok.jsonl")), null), false);

        // then only the export runs again
        assertThat(resumed.exitCode()).as(resumed.message()).isEqualTo(ExitCode.OK);
        assertThat(simulator.requestCount()).isEqualTo(calls);
        assertThat(readJsonl(outDir.resolve("ok.jsonl"))).hasSize(30);
    }

    private static List<String> with(List<String> args, String extra) {
        List<String> all = new ArrayList<>(args);
        all.add(extra);
        return all;
    }

    private DatasetParameters params(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("chain=simulator");
        all.add("runId=" + UUID.randomUUID());
        all.add("dataset=t-" + UUID.randomUUID());
        all.add("output=" + outDir.resolve("samples.jsonl"));
        return DatasetParameters.parse(all, null);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> slots = new ArrayList<>();
        for (int i = from; i < to; i++) {
            slots.add(i);
        }
        return slots;
    }

    private static List<JsonNode> readJsonl(Path file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        return Files.readAllLines(file).stream().map(json::readTree).toList();
    }

    private static void assertBalanced(List<JsonNode> lines, Function<JsonNode, String> key) {
        Collection<Long> counts = lines.stream()
                .collect(Collectors.groupingBy(key, Collectors.counting()))
                .values();
        assertThat(counts.stream().mapToLong(Long::longValue).max().getAsLong()
                        - counts.stream().mapToLong(Long::longValue).min().getAsLong())
                .isLessThanOrEqualTo(1);
    }
}
