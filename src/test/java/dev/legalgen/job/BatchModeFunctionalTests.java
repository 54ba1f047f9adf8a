package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExecutionReports;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Bills;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.LineOutcome;
import dev.legalgen.store.Spend;
import dev.legalgen.store.SpendLedger;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Batch mode against the simulator's Batch API over real HTTP: files of at most {@code max-lines}, failed, expired
 * and refused lines resubmitted in rounds until every slot has its sample once, each line billed once at the batch
 * price, and a budget that stops submission after what was sent is ingested.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:batchmode;DB_CLOSE_DELAY=-1",
            "legalgen.batch.max-lines=100",
            "legalgen.batch.poll-interval=20ms",
            "legalgen.batch.max-poll-interval=100ms",
            // a provider without batch support, for the refusal of batch mode
            "legalgen.providers.unbatched.base-url=http://127.0.0.1:9/v1",
            "legalgen.providers.unbatched.api-key=unbatched-key",
            "legalgen.providers.unbatched.models=some-model"
        })
class BatchModeFunctionalTests {

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    SimulatorProvider simulatorProvider;

    @Autowired
    BatchRecords records;

    @Autowired
    SpendLedger ledger;

    @Autowired
    ExecutionReports reports;

    @Autowired
    JobRepository jobRepository;

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
    void failedLinesAndAnExpiredBatchAreResubmittedUntilEverySlotHasOneSample() {
        // given: every 10th line run fails, and the first batch expires after 50 of its 100 lines
        simulator.batchFaults().everyNthLine(10, Fault.status(500)).nextBatchExpiresAfter(50);

        // when
        Outcome run = launcher.start(params("targetCount=250"), false);

        // then: every slot once
        assertThat(run.exitCode()).as(run.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, run);
        assertThat(JobRows.slots(jdbc, instance))
                .containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT id) FROM legal_sample WHERE job_instance_id = ?", Long.class, instance))
                .isEqualTo(250);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT batch_id) FROM legal_sample WHERE job_instance_id = ?",
                        Long.class,
                        instance))
                .as("the instance's batch_id, not the provider's")
                .isEqualTo(1);
        assertThat(JobRows.journaled(jdbc, instance)).isZero();

        // then: rounds of resubmission, as the simulator saw them: files of 100, 100 and 50 lines, of which 200 ran
        // (20 failed) and 50 expired unrun; those 70 again (lines 201-270 run: 7 failed); then those 7
        List<BatchRecords.FileRow> files = records.files(instance);
        assertThat(files).extracting(BatchRecords.FileRow::round).containsExactly(1, 1, 1, 2, 3);
        assertThat(files).extracting(BatchRecords.FileRow::lineCount).containsExactly(100, 100, 50, 70, 7);
        assertThat(files.get(0).status()).isEqualTo("expired");
        assertThat(simulator.fileUploadCount()).isEqualTo(5);
        assertThat(simulator.batchCreateCount()).isEqualTo(5);
        Map<Integer, Map<LineOutcome, Long>> outcomes = records.outcomes(instance);
        assertThat(outcomes.get(1)).containsEntry(LineOutcome.FAILED, 20L).containsEntry(LineOutcome.NOT_RUN, 50L);
        assertThat(outcomes.get(2)).containsEntry(LineOutcome.FAILED, 7L);
        Set<String> customIds = new HashSet<>();
        simulator
                .batchedCustomIds()
                .forEach(batch -> batch.forEach(id -> assertThat(customIds.add(id))
                        .as("custom id %s batched once", id)
                        .isTrue()));
        assertThat(customIds).hasSize(250 + 70 + 7);

        // then: each line the simulator billed is spent once, at half the list price
        Spend spend = ledger.spendOf(instance);
        Map<String, Bills.Usage> billed = simulator.batchBilled();
        assertThat(spend.calls())
                .isEqualTo(
                        billed.values().stream().mapToLong(Bills.Usage::calls).sum());
        assertThat(spend.calls()).as("the lines answered 200").isEqualTo(250);
        assertThat(simulator.requestCount()).as("no synchronous chat call").isZero();
        assertThat(StepCounters.of(jdbc, run.executionId(), DatasetJobConfiguration.BATCH_INGEST_PREFIX + "%")
                        .written())
                .isEqualTo(250);
        assertThat(String.join("\n", reports.status(jobRepository.getJobExecution(run.executionId()))))
                .contains("provider batches: 5 files in 3 round(s)")
                .contains("round 1 lines: ")
                .contains("expired")
                .containsPattern("step times: preflight \\d+\\.\\ds, batch-submit-1 \\d+\\.\\ds, batch-await-1 ");
    }

    @Test
    void aBatchLineCostsHalfItsSynchronousPrice() {
        // when
        Outcome run = launcher.start(params("targetCount=20"), false);

        // then: the simulator's shipped prices (application.yml), halved
        assertThat(run.exitCode()).as(run.message()).isEqualTo(ExitCode.OK);
        Spend spend = ledger.spendOf(JobRows.instanceOf(jdbc, run));
        BigDecimal expected = BigDecimal.ZERO;
        for (Map.Entry<String, Bills.Usage> model : simulator.batchBilled().entrySet()) {
            BigDecimal[] price = model.getKey().equals("legal-sim-large")
                    ? new BigDecimal[] {new BigDecimal("0.15"), new BigDecimal("0.60")}
                    : new BigDecimal[] {new BigDecimal("0.10"), new BigDecimal("0.50")};
            expected = expected.add(BigDecimal.valueOf(model.getValue().prompt())
                    .multiply(price[0])
                    .add(BigDecimal.valueOf(model.getValue().completion()).multiply(price[1]))
                    .divide(BigDecimal.valueOf(2_000_000)));
        }
        assertThat(spend.spent().costUsd()).isPositive().isEqualByComparingTo(expected);
        assertThat(spend.kept().costUsd()).isEqualByComparingTo(expected);
    }

    @Test
    void answersRefusedByTheQualityChecksAreAskedAgainWithTheReasons() {
        // given: the first two lines answer with a sample missing its fields, the next two repeat the last question
        simulator.batchFaults().nextLines(2, Fault.missingFields()).nextLines(2, Fault.repeatLast());

        // when
        Outcome run = launcher.start(params("targetCount=20"), false);

        // then: every slot once; the refused lines were asked again in round 2, not dropped
        assertThat(run.exitCode()).as(run.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, run);
        assertThat(JobRows.slots(jdbc, instance)).hasSize(20).doesNotHaveDuplicates();
        Map<Integer, Map<LineOutcome, Long>> outcomes = records.outcomes(instance);
        long refused = outcomes.get(1).getOrDefault(LineOutcome.INVALID, 0L)
                + outcomes.get(1).getOrDefault(LineOutcome.REJECTED, 0L);
        assertThat(refused).isGreaterThanOrEqualTo(3);
        assertThat(simulator.batchedCustomIds()).hasSize(2);
        assertThat(simulator.batchedCustomIds().get(1)).hasSize((int) refused);
        List<Integer> reasked = jdbc.queryForList(
                "SELECT slot FROM batch_line WHERE job_instance_id = ? AND batch_round = 2", Integer.class, instance);
        assertThat(jdbc.queryForList(
                        "SELECT attempts FROM legal_sample WHERE job_instance_id = ? AND slot IN ("
                                + String.join(
                                        ",",
                                        reasked.stream().map(String::valueOf).toList()) + ")",
                        Integer.class,
                        instance))
                .containsOnly(2);
    }

    @Test
    void aBudgetStopsSubmissionAfterTheFirstFileAndALargerOneContinuesIt() {
        // given: room for one file of 100 lines at its worst case (about 1,500 tokens a line), not two
        DatasetParameters small = params("targetCount=250", "maxTokens=250000");

        // when
        Outcome stopped = launcher.start(small, false);

        // then: STOPPED once what was sent came back, with the budget's reason
        assertThat(stopped.exitCode()).as(stopped.message()).isEqualTo(ExitCode.STOPPED);
        assertThat(jobRepository.getJobExecution(stopped.executionId()).getStatus())
                .isEqualTo(BatchStatus.STOPPED);
        assertThat(jobRepository
                        .getJobExecution(stopped.executionId())
                        .getExitStatus()
                        .getExitDescription())
                .startsWith("budget reached: ")
                .contains("the next file may take");
        long instance = JobRows.instanceOf(jdbc, stopped);
        assertThat(simulator.batchCreateCount()).isEqualTo(1);
        assertThat(JobRows.slots(jdbc, instance)).hasSize(100);

        // when the same run continues without a budget
        Outcome resumed = launcher.start(withoutBudget(small), false);

        // then
        assertThat(resumed.exitCode()).as(resumed.message()).isEqualTo(ExitCode.OK);
        assertThat(JobRows.slots(jdbc, instance)).hasSize(250).doesNotHaveDuplicates();
        assertThat(simulator.batchedCustomIds().stream().mapToInt(List::size).sum())
                .as("no slot sent twice")
                .isEqualTo(250);
    }

    @Test
    void batchModeIsRefusedForAChainWithoutBatchSupport() {
        assertThatThrownBy(() -> launcher.start(params("targetCount=5", "chain=unbatched"), false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("mode=batch needs a provider");
        assertThat(simulator.fileUploadCount()).isZero();
    }

    private DatasetParameters params(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(arg -> arg.startsWith("chain="))) {
            all.add("chain=simulator");
        }
        all.addAll(List.of(
                "mode=batch",
                "runId=" + UUID.randomUUID(),
                "dataset=t-" + UUID.randomUUID(),
                "output=" + work.resolve(UUID.randomUUID() + ".jsonl")));
        return DatasetParameters.parse(all, null);
    }

    private static DatasetParameters withoutBudget(DatasetParameters params) {
        return DatasetParameters.builder(null)
                .dataset(params.dataset())
                .targetCount(params.targetCount())
                .chain(params.chain())
                .runId(params.runId())
                .output(params.output())
                .mode(params.mode())
                .build();
    }
}
