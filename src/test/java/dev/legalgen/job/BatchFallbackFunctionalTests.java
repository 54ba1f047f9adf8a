package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Bills;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.LineOutcome;
import dev.legalgen.store.SpendLedger;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code legalgen.batch.fallback=sync}: the slots the batch rounds leave (here failed lines)
 * are generated through the synchronous chain in one more step, each once.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:batchfallback;DB_CLOSE_DELAY=-1",
            "legalgen.batch.max-lines=40",
            "legalgen.batch.poll-interval=20ms",
            "legalgen.batch.max-poll-interval=100ms",
            "legalgen.batch.max-rounds=0",
            "legalgen.batch.fallback=sync"
        })
class BatchFallbackFunctionalTests {

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    SimulatorProvider simulatorProvider;

    @Autowired
    BatchRecords records;

    @Autowired
    SpendLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    Simulator simulator;

    @BeforeEach
    void resetSimulator() {
        simulator = simulatorProvider.simulator();
        simulator.reset();
    }

    @Test
    void slotsTheOnlyRoundLeftAreGeneratedSynchronouslyOnce() {
        // given: one round only, and every 10th line run fails
        simulator.batchFaults().everyNthLine(10, Fault.status(500));
        int samples = 100;

        // when
        Outcome run = launcher.start(params(samples), false);

        // then: files of 40, 40 and 20 lines in round 1, no round 2
        assertThat(run.exitCode()).as(run.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, run);
        assertThat(records.files(instance))
                .extracting(BatchRecords.FileRow::round)
                .containsExactly(1, 1, 1);
        long failed = records.outcomes(instance).get(1).get(LineOutcome.FAILED);
        assertThat(failed).isEqualTo(10);

        // then: the failed lines' slots went to the chat endpoint, once each, and every slot has one sample
        assertThat(simulator.requestCount()).as("chat calls of the fallback").isEqualTo(failed);
        assertThat(StepCounters.of(jdbc, run.executionId(), DatasetJobConfiguration.BATCH_FALLBACK_STEP)
                        .written())
                .isEqualTo(failed);
        assertThat(StepCounters.of(jdbc, run.executionId(), DatasetJobConfiguration.BATCH_INGEST_PREFIX + "%")
                        .written())
                .isEqualTo(samples - failed);
        assertThat(JobRows.slots(jdbc, instance))
                .containsExactlyElementsOf(IntStream.range(0, samples).boxed().toList());

        // then: the batch lines and the chat calls are each spent once
        long batchLines = simulator.batchBilled().values().stream()
                .mapToLong(Bills.Usage::calls)
                .sum();
        assertThat(ledger.spendOf(instance).calls()).isEqualTo(batchLines + failed);
    }

    private DatasetParameters params(int samples) {
        return DatasetParameters.parse(
                List.of(
                        "targetCount=" + samples,
                        "chain=simulator",
                        "mode=batch",
                        "runId=" + UUID.randomUUID(),
                        "dataset=t-" + UUID.randomUUID(),
                        "output=" + work.resolve(UUID.randomUUID() + ".jsonl")),
                null);
    }
}
