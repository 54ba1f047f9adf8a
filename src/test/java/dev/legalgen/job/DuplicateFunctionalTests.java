package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExecutionReports;
import dev.legalgen.operations.Executions;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.SeenRequest;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.testsupport.Export;
import dev.legalgen.testsupport.QuestionSimilarity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers that repeat a question the dataset already has, word for word or nearly: asked for again with a "write a
 * different question" hint, up to legalgen.quality.max-attempts, then skipped as duplicate. One partition, one call at
 * a time, so that the scripted answers land on known slots.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:duplicates;DB_CLOSE_DELAY=-1",
            "legalgen.job.partitions=1",
            "legalgen.job.concurrency=1"
        })
class DuplicateFunctionalTests {

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    SimulatorProvider simulatorProvider;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExecutionReports reports;

    @Autowired
    Executions executions;

    @Autowired
    MeterRegistry meters;

    @TempDir
    Path outDir;

    Simulator simulator;

    @BeforeEach
    void resetSimulator() {
        simulator = simulatorProvider.simulator();
        simulator.reset();
    }

    @Test
    void anAnswerRepeatingAnEarlierQuestionIsAskedForAgainWithTheHint() throws IOException {
        // given: slot 1's first answer repeats slot 0's question (slot 0's own repeat has nothing before it)
        simulator.faults().forAllModels().next(2, Fault.repeatLast());
        double reaskedBefore = rejections("exact_duplicate", "reasked");

        // when
        Outcome outcome = launcher.start(params("targetCount=4"), false);

        // then
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, outcome);
        List<SeenRequest> seen = simulator.requests();
        assertThat(seen).hasSize(5);
        Export export = Export.read(outDir.resolve("s.jsonl"));
        // the model never saw slot 0's question: the hint quotes it, as the index compares it (lower case, words)
        String prefix = "the question repeats the question of slot 0 of job instance " + instance + ", \"";
        String suffix = "\"; write a different question, not a rewording of that one";
        assertThat(seen.get(2).problems()).singleElement().satisfies(problem -> {
            assertThat(problem).startsWith(prefix).endsWith(suffix);
            assertThat(export.distinct("question").stream()
                            .map(question -> question.toLowerCase(Locale.ROOT)
                                    .replaceAll("[^\\p{L}\\p{N}]+", " ")
                                    .strip()))
                    .contains(problem.substring(prefix.length(), problem.length() - suffix.length()));
        });
        assertThat(export.distinct("question")).hasSize(4);
        assertThat(export.lines().stream().map(line -> line.path("attempts").asInt()))
                .containsExactly(1, 2, 1, 1);
        assertThat(StepCounters.ofGenerate(jdbc, outcome.executionId()))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped)
                .containsExactly(4L, 4L, 0L);
        assertThat(reports.status(executions.find(String.valueOf(outcome.executionId()))))
                .contains("  quality: re-asks 1 (exact_duplicate 1), given up 0, duplicates refused: 1 exact, 0 near");
        assertThat(rejections("exact_duplicate", "reasked") - reaskedBefore).isEqualTo(1.0);
    }

    @Test
    void aQuestionWithOneWordChangedIsANearDuplicateAndNoneReachesTheExport() throws IOException {
        // given: slot 1's first answer is slot 0's question with one word changed
        simulator.faults().forAllModels().next(Fault.repeatLast()).next(Fault.repeatLast(1));

        // when
        Outcome outcome = launcher.start(params("targetCount=20"), false);

        // then
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        assertThat(simulator.requests().get(2).problems())
                .singleElement()
                .asString()
                .startsWith("the question nearly repeats the question of slot 0 of job instance ")
                .contains(": it differs by 1 word; write a different question");
        List<String> questions = questions(Export.read(outDir.resolve("s.jsonl")));
        assertThat(questions).hasSize(20).doesNotHaveDuplicates();
        assertThat(QuestionSimilarity.pairwise(questions))
                .allSatisfy(similarity -> assertThat(similarity).isLessThan(0.7));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM generation_event WHERE job_instance_id = ? AND kind = 'reask'"
                                + " AND category = 'near_duplicate'",
                        Integer.class,
                        JobRows.instanceOf(jdbc, outcome)))
                .isEqualTo(1);
    }

    @Test
    void aSlotThatKeepsRepeatingIsSkippedAsDuplicateAndTheBackfillGivesItAnotherRound() throws IOException {
        // given: slot 1's three answers (the default max-attempts) all repeat slot 0's question
        simulator.faults().forAllModels().next(4, Fault.repeatLast());
        double givenUpBefore = rejections("exact_duplicate", "given_up");

        // when
        Outcome outcome = launcher.start(params("targetCount=3"), false);

        // then
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(JobRows.slots(jdbc, instance)).containsExactly(0, 1, 2);
        assertThat(jdbc.queryForList(
                        "SELECT category || ': ' || reason FROM generation_event"
                                + " WHERE job_instance_id = ? AND kind = 'skip'",
                        String.class,
                        instance))
                .singleElement()
                .asString()
                .startsWith("duplicate: ")
                .contains("slot 1 rejected after 3 attempts: the question repeats the question of slot 0");
        assertThat(StepCounters.ofGenerate(jdbc, outcome.executionId()))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped)
                .containsExactly(3L, 2L, 1L);
        assertThat(StepCounters.of(jdbc, outcome.executionId(), "backfill-1"))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped)
                .containsExactly(1L, 1L, 0L);
        assertThat(reports.status(executions.find(String.valueOf(outcome.executionId()))))
                .contains("  quality: re-asks 2 (exact_duplicate 2), given up 1 (exact_duplicate 1), duplicates"
                        + " refused: 3 exact, 0 near");
        assertThat(Export.read(outDir.resolve("s.jsonl")).distinct("question")).hasSize(3);
        assertThat(rejections("exact_duplicate", "given_up") - givenUpBefore).isEqualTo(1.0);
    }

    @Test
    void aRestartStillRefusesARepeatOfASampleCommittedBeforeTheFailure() throws IOException {
        // given: the first chunk (slots 0-9) committed, then the key was revoked at slot 12
        simulator.faults().forAllModels().after(12, Fault.status(401));
        List<String> args = new ArrayList<>(List.of("targetCount=20"));
        Outcome failed = launcher.start(params(args), false);
        assertThat(failed.exitCode()).as(failed.message()).isNotEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, failed);
        String committed = jdbc.queryForObject(
                "SELECT question FROM legal_sample WHERE job_instance_id = ? AND slot = 3", String.class, instance);

        // when: the key works again, and the restart's first new answer repeats slot 3's committed question
        simulator.reset();
        simulator.faults().forAllModels().next(new Fault.Content(committed, null, null, null));
        Outcome restarted = launcher.restart(String.valueOf(failed.executionId()));

        // then
        assertThat(restarted.exitCode()).as(restarted.message()).isEqualTo(ExitCode.OK);
        assertThat(simulator.requests().get(1).problems())
                .singleElement()
                .asString()
                .startsWith("the question repeats the question of slot 3 of job instance " + instance);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM legal_sample WHERE job_instance_id = ? AND question = ?",
                        Integer.class,
                        instance,
                        committed))
                .isEqualTo(1);
        assertThat(JobRows.slots(jdbc, instance)).hasSize(20);
    }

    /** The process's legalgen.quality.rejections counter for a reason and outcome; 0 before its first count. */
    private double rejections(String reason, String outcome) {
        Counter counter = meters.find("legalgen.quality.rejections")
                .tags("reason", reason, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> questions(Export export) {
        return export.lines().stream()
                .map(line -> line.path("question").asString())
                .toList();
    }

    private DatasetParameters params(String... args) {
        return params(new ArrayList<>(List.of(args)));
    }

    private DatasetParameters params(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(
                "chain=simulator",
                "runId=" + UUID.randomUUID(),
                "dataset=t-" + UUID.randomUUID(),
                "output=" + outDir.resolve("s.jsonl")));
        return DatasetParameters.parse(all, null);
    }
}
