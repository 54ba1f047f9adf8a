package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExecutionReports;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.provider.TokenUsage;
import dev.legalgen.simulator.Bills;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.store.Spend;
import dev.legalgen.store.SpendLedger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tokens, cost and budgets against the simulator over real HTTP: the run's spend is exactly what the simulator billed
 * (unusable and cut-off answers included), a budget stops the run STOPPED within it, a larger one completes it without
 * counting a call twice, and a budget already spent stops the next run before any request.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:budgets;DB_CLOSE_DELAY=-1",
            "legalgen.job.partitions=2",
            // a provider without a price, for the refusal of a dollar budget
            "legalgen.providers.unpriced.base-url=http://127.0.0.1:9/v1",
            "legalgen.providers.unpriced.api-key=unpriced-key",
            "legalgen.providers.unpriced.models=some-model"
        })
class BudgetFunctionalTests {

    /** The simulator's shipped prices (application.yml), per million tokens: input, output. */
    private static final Map<String, BigDecimal[]> PRICES = Map.of(
            "legal-sim-large", new BigDecimal[] {new BigDecimal("0.15"), new BigDecimal("0.60")},
            "legal-sim-small", new BigDecimal[] {new BigDecimal("0.10"), new BigDecimal("0.50")});

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    SimulatorProvider simulatorProvider;

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
    void theSpendIsExactlyWhatTheSimulatorBilledAndTheSamplesHoldTheKeptPart() {
        // given: an unusable answer and one cut off, each billed and re-asked
        simulator.faults().forAllModels().next(Fault.malformedJson()).next(Fault.truncatedBelow(2000));

        // when
        Outcome run = launcher.start(params("targetCount=30"), false);

        // then
        assertThat(run.exitCode()).as(run.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, run);
        Spend spend = ledger.spendOf(instance);
        Map<String, Bills.Usage> billed = simulator.billed();
        assertThat(spend.calls())
                .isEqualTo(
                        billed.values().stream().mapToLong(Bills.Usage::calls).sum());
        assertThat(spend.spent().tokens()).isEqualTo(sum(billed));
        assertThat(spend.spent().costUsd()).isEqualByComparingTo(expectedCost(billed));
        assertThat(spend.unpricedCalls()).isZero();
        assertThat(spend.routes())
                .allSatisfy(route -> assertThat(route.bill().tokens()).isEqualTo(tokens(billed.get(route.model()))));

        Map<String, Object> kept = jdbc.queryForMap(
                "SELECT SUM(tokens_used) AS total, SUM(prompt_tokens) AS prompt, SUM(completion_tokens) AS completion,"
                        + " SUM(cost_usd) AS cost, COUNT(cost_usd) AS priced, COUNT(*) AS samples"
                        + " FROM legal_sample WHERE job_instance_id = ?",
                instance);
        assertThat(kept.get("SAMPLES")).isEqualTo(30L);
        assertThat(kept.get("PRICED")).as("every sample has a cost").isEqualTo(30L);
        assertThat(((Number) kept.get("TOTAL")).longValue())
                .isEqualTo(((Number) kept.get("PROMPT")).longValue() + ((Number) kept.get("COMPLETION")).longValue());
        assertThat(spend.kept().tokens().total()).isEqualTo(((Number) kept.get("TOTAL")).longValue());
        assertThat(spend.notKept().tokens().total())
                .as("the two billed answers that were re-asked")
                .isPositive()
                .isEqualTo(
                        spend.spent().tokens().total() - spend.kept().tokens().total());
        assertThat(spend.kept().costUsd().add(spend.notKept().costUsd()))
                .isEqualByComparingTo(spend.spent().costUsd());
        assertThat(reports.status(jobRepository.getJobExecution(run.executionId())))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("  spent (all executions): "
                                + String.format("%,d", sum(billed).total())))
                .anySatisfy(line -> assertThat(line).contains("spent, not kept"));
    }

    @Test
    void aBudgetStopsTheRunWithinItAndALargerOneCompletesItCountingEachCallOnce() {
        // given
        DatasetParameters small = params("targetCount=100", "maxTokens=40000");

        // when
        Outcome stopped = launcher.start(small, false);

        // then: STOPPED (exit 3) saying why, having spent no more than the budget
        assertThat(stopped.exitCode()).as(stopped.message()).isEqualTo(ExitCode.STOPPED);
        var execution = jobRepository.getJobExecution(stopped.executionId());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(execution.getExitStatus().getExitDescription())
                .startsWith("budget reached: ")
                .contains("of maxTokens=40000")
                .endsWith("; rerun with a larger maxTokens to continue");
        long instance = JobRows.instanceOf(jdbc, stopped);
        TokenUsage firstBilled = sum(simulator.billed());
        Spend afterStop = ledger.spendOf(instance);
        assertThat(afterStop.spent().tokens().total())
                .as("every call is booked at its worst case before it is sent")
                .isLessThanOrEqualTo(40_000)
                .isEqualTo(firstBilled.total());
        assertThat(afterStop.kept().tokens().total())
                .isLessThanOrEqualTo(afterStop.spent().tokens().total());
        int committed = JobRows.slots(jdbc, instance).size();
        int journaled = JobRows.journaled(jdbc, instance);
        assertThat(committed).isLessThan(100);
        assertThat(committed + journaled)
                .as("the answers paid for are committed, or journaled for the continuation")
                .isEqualTo(afterStop.calls());
        simulator.reset();

        // when: the same command with a larger budget
        Outcome completed = launcher.start(withBudget(small, 100_000_000L, null), false);

        // then: the same instance completes, every slot once; the journaled answers are not asked for again, and
        // the spend counts each call once across both executions
        assertThat(completed.exitCode()).as(completed.message()).isEqualTo(ExitCode.OK);
        assertThat(JobRows.instanceOf(jdbc, completed)).isEqualTo(instance);
        assertThat(JobRows.slots(jdbc, instance)).hasSize(100).doesNotHaveDuplicates();
        Map<String, Bills.Usage> secondBilled = simulator.billed();
        assertThat(secondBilled.values().stream().mapToLong(Bills.Usage::calls).sum())
                .isGreaterThanOrEqualTo(100 - committed - journaled);
        assertThat(ledger.spendOf(instance).spent().tokens()).isEqualTo(firstBilled.plus(sum(secondBilled)));
    }

    @Test
    void aBudgetSpentByEarlierExecutionsStopsTheNextOneBeforeAnyRequest() {
        // given: a run its budget stopped
        DatasetParameters small = params("targetCount=40", "maxCostUsd=0.002");
        Outcome first = launcher.start(small, false);
        assertThat(first.exitCode()).as(first.message()).isEqualTo(ExitCode.STOPPED);
        long instance = JobRows.instanceOf(jdbc, first);
        BigDecimal spent = ledger.spendOf(instance).spent().costUsd();
        assertThat(spent).isLessThanOrEqualTo(new BigDecimal("0.002")).isPositive();
        assertThat(jobRepository
                        .getJobExecution(first.executionId())
                        .getExitStatus()
                        .getExitDescription())
                .contains("spent of maxCostUsd=0.002")
                .endsWith("rerun with a larger maxCostUsd to continue");
        simulator.reset();

        // when: rerun with a budget below what was spent
        Outcome again = launcher.start(withBudget(small, null, spent.subtract(new BigDecimal("0.000001"))), false);

        // then
        assertThat(again.exitCode()).as(again.message()).isEqualTo(ExitCode.STOPPED);
        assertThat(simulator.requestCount()).isZero();
        assertThat(simulator.modelListingCount())
                .as("not even the preflight's model list")
                .isZero();
        assertThat(jobRepository
                        .getJobExecution(again.executionId())
                        .getExitStatus()
                        .getExitDescription())
                .startsWith("budget reached: $");
        assertThat(ledger.spendOf(instance).spent().costUsd()).isEqualByComparingTo(spent);
    }

    @Test
    void aDollarBudgetIsRefusedForAChainWithAModelWithoutAPrice() {
        assertThatThrownBy(() ->
                        launcher.start(params("targetCount=5", "maxCostUsd=1", "chain=simulator,unpriced"), false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("legalgen.providers.unpriced.prices[some-model] is not set")
                .hasMessageContaining("maxCostUsd");
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void badBudgetsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> params("maxTokens=lots"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("maxTokens")
                .hasMessageContaining("'lots' is not a whole number of at least 1");
        assertThatThrownBy(() -> params("maxCostUsd=-1"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("maxCostUsd")
                .hasMessageContaining("e.g. maxCostUsd=2.50");
        assertThat(params("maxCostUsd=$2.50").maxCostUsd()).isEqualByComparingTo("2.5");
    }

    private static TokenUsage sum(Map<String, Bills.Usage> billed) {
        return billed.values().stream().map(BudgetFunctionalTests::tokens).reduce(TokenUsage.NONE, TokenUsage::plus);
    }

    private static TokenUsage tokens(Bills.Usage usage) {
        return new TokenUsage(usage.prompt(), usage.completion(), usage.reasoning());
    }

    /** The cost the simulator's own usage gives at the shipped prices, computed here from scratch. */
    private static BigDecimal expectedCost(Map<String, Bills.Usage> billed) {
        BigDecimal cost = BigDecimal.ZERO;
        for (Map.Entry<String, Bills.Usage> entry : billed.entrySet()) {
            BigDecimal[] price = PRICES.get(entry.getKey());
            cost = cost.add(BigDecimal.valueOf(entry.getValue().prompt())
                    .multiply(price[0])
                    .add(BigDecimal.valueOf(entry.getValue().completion()).multiply(price[1]))
                    .divide(BigDecimal.valueOf(1_000_000), 12, RoundingMode.UNNECESSARY));
        }
        return cost;
    }

    private DatasetParameters params(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(arg -> arg.startsWith("chain="))) {
            all.add("chain=simulator");
        }
        all.addAll(List.of(
                "runId=" + UUID.randomUUID(),
                "dataset=t-" + UUID.randomUUID(),
                "output=" + work.resolve(UUID.randomUUID() + ".jsonl")));
        return DatasetParameters.parse(all, null);
    }

    /** The same instance's parameters with another budget (the budget does not identify the instance). */
    private static DatasetParameters withBudget(DatasetParameters params, Long maxTokens, BigDecimal maxCostUsd) {
        return DatasetParameters.builder(null)
                .dataset(params.dataset())
                .targetCount(params.targetCount())
                .chain(params.chain())
                .runId(params.runId())
                .output(params.output())
                .maxTokens(maxTokens)
                .maxCostUsd(maxCostUsd)
                .build();
    }
}
