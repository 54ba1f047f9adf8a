package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Unusable model output: re-asked once, then the item is skipped, within the skip limit. One
 * partition, one call at a time, so that the scripted faults land on known items.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:invalid-output;DB_CLOSE_DELAY=-1",
            "legalgen.job.partitions=1",
            "legalgen.job.concurrency=1",
            "legalgen.job.skip-limit=2",
            // the generate step's own skips, without the backfill's round (QualityFunctionalTests)
            "legalgen.quality.backfill-rounds=0"
        })
class InvalidOutputFunctionalTests {

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    SimulatorProvider simulatorProvider;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path outDir;

    @Test
    void unusableOutputIsReaskedOnceThenSkippedAndCounted() {
        // given: slot 0 gets malformed JSON twice, slot 1 a sample missing fields once
        Simulator simulator = simulatorProvider.simulator();
        simulator.reset();
        simulator.faults().forAllModels().next(2, new Fault.MalformedJson()).next(new Fault.MissingFields());

        // when
        Outcome outcome = launcher.start(params("targetCount=20"), false);

        // then
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        assertThat(outcome.message()).contains("wrote 19 samples").contains("skipped 1");
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(JobRows.slots(jdbc, instance)).hasSize(19).doesNotContain(0).contains(1);
        assertThat(simulator.requestCount())
                .as("20 items, two of them re-asked once")
                .isEqualTo(22);
        assertThat(StepCounters.ofGenerate(jdbc, outcome.executionId()))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped, StepCounters::rollbacks)
                .containsExactly(20L, 19L, 1L, 0L);
        assertThat(jdbc.queryForList(
                        "SELECT category FROM generation_event WHERE job_instance_id = ? AND kind = 'skip'",
                        String.class,
                        instance))
                .containsExactly("invalid_output");
    }

    @Test
    void moreUnusableItemsThanTheSkipLimitFailTheJob() {
        // given: every answer is unusable
        Simulator simulator = simulatorProvider.simulator();
        simulator.reset();
        simulator.faults().forAllModels().always(new Fault.MissingFields());

        // when
        Outcome outcome = launcher.start(params("targetCount=20"), false);

        // then: two skips are allowed, the third item fails the step, and the rest of its chunk is not sent
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(outcome.message()).contains("missing field");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM generation_event WHERE job_instance_id = ? AND kind = 'skip'",
                        Integer.class,
                        JobRows.instanceOf(jdbc, outcome)))
                .isEqualTo(2);
    }

    private DatasetParameters params(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of(
                "chain=simulator",
                "runId=" + UUID.randomUUID(),
                "dataset=t-" + UUID.randomUUID(),
                "output=" + outDir.resolve("s.jsonl")));
        return DatasetParameters.parse(all, null);
    }
}
