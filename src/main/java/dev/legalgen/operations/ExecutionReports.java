package dev.legalgen.operations;

import dev.legalgen.chain.Budget;
import dev.legalgen.chain.ProviderChains;
import dev.legalgen.job.ChainStates;
import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.job.DatasetParameters;
import dev.legalgen.job.DatasetRunListener;
import dev.legalgen.job.RunMode;
import dev.legalgen.job.UsageException;
import dev.legalgen.provider.ChainState;
import dev.legalgen.remote.PartitionClaims;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.EventStore;
import dev.legalgen.store.SampleStore;
import dev.legalgen.store.Spend;
import dev.legalgen.store.SpendLedger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Human-readable status of executions, read from the JobRepository and the sample table. */
@Component
public class ExecutionReports {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final JobRepository jobRepository;
    private final SampleStore samples;
    private final EventStore events;
    private final ProviderChains chains;
    private final CoverageLedger coverage;
    private final SpendLedger spending;
    private final BatchRecords batches;
    private final PartitionClaims claims;

    /** Incomplete cells listed by {@code status}; the REST status has them all. */
    private static final int MAX_COVERAGE_LINES = 20;

    public ExecutionReports(
            JobRepository jobRepository,
            SampleStore samples,
            EventStore events,
            ProviderChains chains,
            CoverageLedger coverage,
            SpendLedger spending,
            BatchRecords batches,
            PartitionClaims claims) {
        this.claims = claims;
        this.spending = spending;
        this.batches = batches;
        this.jobRepository = jobRepository;
        this.samples = samples;
        this.events = events;
        this.chains = chains;
        this.coverage = coverage;
    }

    /** The status of one execution as data; the chain is the live one while it runs in this process. */
    public ExecutionSummary summary(JobExecution execution) {
        long instanceId = execution.getJobInstance().getInstanceId();
        List<ExecutionSummary.Partition> partitions = partitions(execution);
        ExecutionSummary.Counts counts = new ExecutionSummary.Counts(
                partitions.stream().mapToLong(ExecutionSummary.Partition::read).sum(),
                partitions.stream()
                        .mapToLong(ExecutionSummary.Partition::written)
                        .sum(),
                partitions.stream()
                        .mapToLong(ExecutionSummary.Partition::skipped)
                        .sum(),
                partitions.stream()
                        .mapToLong(ExecutionSummary.Partition::rollbacks)
                        .sum());
        ChainState live = chains.state(execution.getId());
        ChainState chain = live != null
                ? live
                : savedChainState(execution).flatMap(ChainStates::fromJson).orElse(null);
        String description = execution.getExitStatus().getExitDescription();
        Map<String, Long> eventCounts = events.countsByKind(instanceId);
        return new ExecutionSummary(
                execution.getId(),
                instanceId,
                execution.getStatus(),
                execution.getExitStatus().getExitCode(),
                description.isBlank() ? null : firstLine(description),
                DatasetParameters.from(execution.getJobParameters()),
                samples.count(instanceId),
                counts,
                partitions,
                chain,
                live != null,
                eventCounts,
                QualityCounts.of(eventCounts, samples.countsByCitationCheck(instanceId)),
                spending.spendOf(instanceId),
                DatasetParameters.from(execution.getJobParameters()).mode() == RunMode.BATCH
                        ? new BatchProgress(batches.files(instanceId), batches.outcomes(instanceId))
                        : null,
                execution.getStartTime(),
                execution.getEndTime());
    }

    /** One line per execution of the latest {@code instances} instances, newest first. */
    public List<String> list(int instances) {
        return recent(instances).stream()
                .map(row -> String.format(
                        "%6d  %-9s %-19s %6s  %d/%d samples  %s",
                        row.executionId(),
                        row.status(),
                        format(row.startTime()),
                        elapsed(row.startTime(), row.endTime()),
                        row.samplesCommitted(),
                        row.parameters().targetCount(),
                        row.parameters()))
                .toList();
    }

    /** The executions of the latest {@code instances} instances as data, newest first: what {@link #list} prints. */
    public List<ExecutionRow> recent(int instances) {
        List<ExecutionRow> rows = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(DatasetJobConfiguration.JOB_NAME, 0, instances)) {
            List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(instance));
            executions.sort(Comparator.comparing(JobExecution::getId).reversed());
            long committed = samples.count(instance.getInstanceId());
            for (JobExecution execution : executions) {
                rows.add(new ExecutionRow(
                        execution.getId(),
                        instance.getInstanceId(),
                        execution.getStatus(),
                        execution.getStatus().isRunning() || chains.state(execution.getId()) != null,
                        DatasetParameters.from(execution.getJobParameters()),
                        committed,
                        workerSteps(execution).stream()
                                .mapToLong(StepExecution::getWriteCount)
                                .sum(),
                        execution.getStartTime(),
                        execution.getEndTime()));
            }
        }
        rows.sort(Comparator.comparing(ExecutionRow::executionId).reversed());
        return rows;
    }

    /** The detailed status of one execution: {@link #summary} as text, with a line per partition. */
    public List<String> status(JobExecution execution) {
        ExecutionSummary summary = summary(execution);
        DatasetParameters params = summary.parameters();
        List<String> lines = new ArrayList<>();
        lines.add("execution " + summary.executionId() + " (instance " + summary.instanceId() + ") " + summary.status()
                + ", exit " + ExitCode.of(summary.status()).code());
        lines.add("  started " + format(summary.startTime()) + ", ended " + format(summary.endTime()) + ", elapsed "
                + elapsed(execution));
        ExecutionSummary.Counts counts = summary.counts();
        lines.add("  this execution: read " + counts.read() + ", written " + counts.written() + ", skipped "
                + counts.skipped() + ", rollbacks " + counts.rollbacks());
        lines.add("  parameters: " + params + (params.output() == null ? "" : " output=" + params.output()));
        lines.add("  export" + (summary.status() == BatchStatus.COMPLETED ? ": " : " (when complete): ")
                + DatasetParameters.exportFileOf(execution));
        if (execution.getExecutionContext().containsKey(DatasetRunListener.BATCH_ID)) {
            lines.add("  batch_id: " + execution.getExecutionContext().getString(DatasetRunListener.BATCH_ID));
        }
        if (summary.chain() != null) {
            lines.add("  provider chain" + (summary.chainLive() ? " (live)" : "") + ": "
                    + ChainStates.describe(summary.chain()));
        }
        if (!summary.events().isEmpty()) {
            lines.add("  events (all executions of the instance): " + summary.events());
        }
        lines.add("  samples committed: " + summary.samplesCommitted() + " of " + params.targetCount());
        lines.add("  quality: " + summary.quality().describe());
        lines.add("  citation checks of committed samples: " + summary.quality().describeCitations());
        lines.addAll(spendLines(summary.spend(), params.budget()));
        if (summary.batches() != null) {
            lines.addAll(summary.batches().describe());
        }
        lines.addAll(coverageLines(execution));
        for (ExecutionSummary.Partition partition : summary.partitions()) {
            lines.add(String.format(
                    "  %-28s %-9s read %d, written %d, skipped %d%s",
                    partition.step(),
                    partition.status(),
                    partition.read(),
                    partition.written(),
                    partition.skipped(),
                    partition.worker() == null ? "" : ", worker " + partition.worker()));
        }
        lines.add("  step times: " + stepTimes(execution));
        if (summary.exitDescription() != null) {
            lines.add("  exit description: " + summary.exitDescription());
        }
        return lines;
    }

    /** The worker steps with their counters and, in remote partitioning, who claimed each. */
    private List<ExecutionSummary.Partition> partitions(JobExecution execution) {
        Map<Long, String> workers = claims.workersOf(execution.getId());
        return workerSteps(execution).stream()
                .map(step -> new ExecutionSummary.Partition(
                        step.getStepName(),
                        step.getStatus(),
                        step.getReadCount(),
                        step.getWriteCount(),
                        step.getSkipCount(),
                        step.getRollbackCount(),
                        workers.get(step.getId())))
                .toList();
    }

    /** What the instance was billed (per route) and kept, and its budget. */
    private static List<String> spendLines(Spend spend, Budget budget) {
        List<String> lines = new ArrayList<>();
        lines.add("  spent (all executions): " + Spend.describe(spend.spent()) + " in " + spend.calls() + " calls"
                + (spend.unpricedCalls() == 0
                        ? ""
                        : ", " + spend.unpricedCalls() + " of them on models without a price"));
        spend.routes()
                .forEach(route -> lines.add("    " + route.provider() + " / " + route.model() + ": " + route.calls()
                        + " calls, " + Spend.describe(route.bill())));
        lines.add("  kept in committed samples: " + Spend.describe(spend.kept()) + "; spent, not kept: "
                + Spend.describe(spend.notKept()));
        if (budget.limited()) {
            lines.add("  budget (this execution's): " + budget.describe());
        }
        return lines;
    }

    /** Coverage of the plan's cells: how many are complete, and each incomplete one with why its slots are missing. */
    private List<String> coverageLines(JobExecution execution) {
        List<CoverageLedger.Cell> cells;
        try {
            cells = coverage.of(execution);
        } catch (UsageException e) { // the catalog file moved or changed since: the rest of the status still holds
            return List.of("  coverage: unknown (" + e.getMessage() + ")");
        }
        List<CoverageLedger.Cell> incomplete =
                cells.stream().filter(cell -> !cell.complete()).toList();
        List<String> lines = new ArrayList<>();
        lines.add("  coverage: " + (cells.size() - incomplete.size()) + " of " + cells.size()
                + " practice area × topic × difficulty cells complete");
        incomplete.stream()
                .limit(MAX_COVERAGE_LINES)
                .forEach(cell -> lines.add("    " + cell.practiceArea() + " - " + cell.topic() + " / "
                        + cell.difficulty() + ": " + cell.committed() + " of " + cell.planned() + ", missing "
                        + cell.missing()));
        if (incomplete.size() > MAX_COVERAGE_LINES) {
            lines.add("    ... and " + (incomplete.size() - MAX_COVERAGE_LINES)
                    + " more (GET /api/generate/batch/coverage)");
        }
        return lines;
    }

    /** At the end, from the job's context; while running, the latest one a partition committed. */
    private static Optional<String> savedChainState(JobExecution execution) {
        if (execution.getExecutionContext().containsKey(ChainStates.KEY)) {
            return Optional.of(execution.getExecutionContext().getString(ChainStates.KEY));
        }
        return workerSteps(execution).stream()
                .filter(step -> step.getExecutionContext().containsKey(ChainStates.KEY))
                .max(Comparator.comparing(
                        StepExecution::getLastUpdated, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(step -> step.getExecutionContext().getString(ChainStates.KEY));
    }

    /** What this execution wrote and how fast: {@code wrote 100 samples in 1.2s (83.3 samples/s), skipped 0}. */
    static String throughput(JobExecution execution) {
        long written = 0;
        long skipped = 0;
        for (StepExecution step : workerSteps(execution)) {
            written += step.getWriteCount();
            skipped += step.getSkipCount();
        }
        long backfilled = execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(DatasetJobConfiguration.BACKFILL_STEP_PREFIX))
                .mapToLong(StepExecution::getWriteCount)
                .sum();
        written += backfilled;
        double seconds = elapsedMillis(execution) / 1000.0;
        return String.format(
                        Locale.ROOT,
                        "wrote %d samples in %.1fs (%.1f samples/s), skipped %d",
                        written,
                        seconds,
                        seconds > 0 ? written / seconds : 0.0,
                        skipped)
                + (backfilled > 0 ? ", backfilled " + backfilled : "");
    }

    private static List<StepExecution> workerSteps(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(DatasetJobConfiguration.WORKER_STEP)
                        || s.getStepName().startsWith(DatasetJobConfiguration.BATCH_INGEST_PREFIX)
                        || s.getStepName().equals(DatasetJobConfiguration.BATCH_FALLBACK_STEP))
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .toList();
    }

    /**
     * Each step that started, in the order it did, with how long it ran (so far, while it runs); the partitions of
     * the generate step are in its time.
     */
    private static String stepTimes(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStartTime() != null
                        && !step.getStepName().startsWith(DatasetJobConfiguration.WORKER_STEP))
                .sorted(Comparator.comparing(StepExecution::getStartTime).thenComparing(StepExecution::getId))
                .map(step -> String.format(
                        Locale.ROOT,
                        "%s %.1fs",
                        step.getStepName(),
                        elapsedMillis(step.getStartTime(), step.getEndTime()) / 1000.0))
                .collect(Collectors.joining(", "));
    }

    private static String elapsed(JobExecution execution) {
        return elapsed(execution.getStartTime(), execution.getEndTime());
    }

    private static String elapsed(LocalDateTime start, LocalDateTime end) {
        return start == null ? "-" : String.format(Locale.ROOT, "%.1fs", elapsedMillis(start, end) / 1000.0);
    }

    private static long elapsedMillis(JobExecution execution) {
        if (execution.getStartTime() == null) {
            return 0;
        }
        return elapsedMillis(execution.getStartTime(), execution.getEndTime());
    }

    private static long elapsedMillis(LocalDateTime start, LocalDateTime end) {
        return Duration.between(start, end == null ? LocalDateTime.now() : end).toMillis();
    }

    /** {@code 2026-12-01 23:05:00}: seconds always shown (ISO's toString drops them when they are zero). */
    static String format(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
