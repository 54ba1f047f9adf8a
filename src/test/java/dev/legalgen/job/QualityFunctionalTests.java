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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Samples that fail a quality check: asked for again with the reasons, up to legalgen.quality.max-attempts, then
 * skipped as invalid_output with the reasons recorded. One partition, one call at a time, so that the scripted
 * answers land on known slots.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:quality;DB_CLOSE_DELAY=-1",
            "legalgen.job.partitions=1",
            "legalgen.job.concurrency=1"
        })
class QualityFunctionalTests {

    /** Long enough, but without the IRAC labels the prompt asks for. */
    private static final Fault.Content UNLABELLED = new Fault.Content(
            null,
            null,
            "The court would look at what the parties said and did, weigh the reasons each gives, and decide in the"
                    + " end that the claim fails, because the conduct was neither reasonable nor foreseeable here.",
            null);

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

    @TempDir
    Path outDir;

    Simulator simulator;

    @BeforeEach
    void resetSimulator() {
        simulator = simulatorProvider.simulator();
        simulator.reset();
    }

    @Test
    void aSampleThatFailsACheckIsAskedForAgainWithTheReason() throws IOException {
        // given: the first answer's reasoning has no IRAC labels
        simulator.faults().forAllModels().next(UNLABELLED);

        // when
        Outcome outcome = launcher.start(params("targetCount=5"), false);

        // then: the re-ask named what was wrong, and the slot exported its second answer
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        List<SeenRequest> seen = simulator.requests();
        assertThat(seen).hasSize(6);
        assertThat(seen.get(0).problems()).isEmpty();
        assertThat(seen.get(1).problems())
                .containsExactly("the reasoning must be labelled Issue:, Rule:, Application: and Conclusion:"
                        + " (missing Issue: Rule: Application: Conclusion:)");
        assertThat(seen.get(1).practiceArea()).isEqualTo(seen.get(0).practiceArea());
        Export export = Export.read(outDir.resolve("s.jsonl"));
        assertThat(export.size()).isEqualTo(5);
        assertThat(export.lines().stream().map(line -> line.path("attempts").asInt()))
                .as("attempts per slot, in slot order")
                .containsExactly(2, 1, 1, 1, 1);
        assertThat(StepCounters.ofGenerate(jdbc, outcome.executionId()))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped)
                .containsExactly(5L, 5L, 0L);
    }

    @Test
    void anInventedCitationIsAskedForAgainAndNoFailedCitationIsExported() throws IOException {
        // given: the first answer cites a reporter that does not exist
        simulator
                .faults()
                .forAllModels()
                .next(new Fault.Content(null, null, null, "Doe v. Roe, 12 Leg. Fict. 34 (2001)"));

        // when
        Outcome outcome = launcher.start(params("targetCount=5"), false);

        // then
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        assertThat(simulator.requests().get(1).problems())
                .singleElement()
                .asString()
                .startsWith("the case_citation must be a real case")
                .endsWith("(it was unrecognized_reporter)");
        Export export = Export.read(outDir.resolve("s.jsonl"));
        assertThat(export.size()).isEqualTo(5);
        assertThat(export.distinct("citation_check")).isSubsetOf("recognized", "verified", "none");
        assertThat(export.distinct("case_citation")).doesNotContain("Doe v. Roe, 12 Leg. Fict. 34 (2001)");
    }

    @Test
    void afterMaxAttemptsTheSlotIsSkippedWithTheReasonsRecordedAndTheBackfillGivesItAnotherRound() {
        // given: slot 0's three answers (the default max-attempts) all fail the check
        simulator.faults().forAllModels().next(3, UNLABELLED);

        // when
        Outcome outcome = launcher.start(params("targetCount=5"), false);

        // then: skipped by generate, committed by the backfill's round
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        assertThat(simulator.requestCount())
                .as("three for slot 0, one for each other, one in the backfill")
                .isEqualTo(8);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(JobRows.slots(jdbc, instance)).containsExactly(0, 1, 2, 3, 4);
        assertThat(outcome.message()).contains("wrote 5 samples").contains("skipped 1, backfilled 1");
        assertThat(StepCounters.of(jdbc, outcome.executionId(), "backfill-1"))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped)
                .containsExactly(1L, 1L, 0L);
        assertThat(jdbc.queryForList(
                        "SELECT category || ': ' || reason FROM generation_event"
                                + " WHERE job_instance_id = ? AND kind = 'skip'",
                        String.class,
                        instance))
                .singleElement()
                .asString()
                .startsWith("invalid_output: ")
                .contains("slot 0 rejected after 3 attempts: the reasoning must be labelled");
    }

    @Test
    void aSlotStillMissingAfterTheBackfillIsNamedAndTheRestIsExported() throws IOException {
        // given: the only slot fails its checks three times in generate, and three times in the backfill's round
        simulator.faults().forAllModels().next(6, UNLABELLED);

        // when
        Outcome outcome = launcher.start(params("targetCount=1"), false);

        // then: the instance completes short of its target, and says so
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        assertThat(outcome.message()).contains("1 of 1 slots missing after the backfill");
        assertThat(simulator.requestCount()).isEqualTo(6);
        assertThat(Export.read(outDir.resolve("s.jsonl")).size()).isZero();
        assertThat(reports.status(executions.find(String.valueOf(outcome.executionId()))))
                .contains("  coverage: 0 of 1 practice area × topic × difficulty cells complete")
                .anySatisfy(line -> assertThat(line).endsWith(": 0 of 1, missing {invalid_output=1}"));
        assertThat(StepCounters.of(jdbc, outcome.executionId(), "backfill-1"))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped)
                .containsExactly(1L, 0L, 1L);
    }

    private DatasetParameters params(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "chain=simulator",
                "runId=" + UUID.randomUUID(),
                "dataset=t-" + UUID.randomUUID(),
                "output=" + outDir.resolve("s.jsonl")));
        return DatasetParameters.parse(all, null);
    }
}
