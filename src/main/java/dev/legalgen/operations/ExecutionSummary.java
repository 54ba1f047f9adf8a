package dev.legalgen.operations;

import dev.legalgen.job.DatasetParameters;
import dev.legalgen.provider.ChainState;
import dev.legalgen.store.Spend;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;

/**
 * The status of one execution as data, for the REST API: what {@code status} prints. {@code chain} is
 * the live chain while the execution runs in this process ({@code chainLive}), else the state saved
 * when it ended (counters and current route only), else null. {@code partitions} are this execution's worker steps,
 * whose counters {@code counts} sums. {@code spend} is the instance's, over all its
 * executions; so are {@code batches}, null for a run not in batch mode.
 */
public record ExecutionSummary(
        long executionId,
        long instanceId,
        BatchStatus status,
        String exitCode,
        String exitDescription,
        DatasetParameters parameters,
        long samplesCommitted,
        Counts counts,
        List<Partition> partitions,
        ChainState chain,
        boolean chainLive,
        Map<String, Long> events,
        QualityCounts quality,
        Spend spend,
        BatchProgress batches,
        LocalDateTime startTime,
        LocalDateTime endTime) {

    /** The worker steps' counters summed over the partitions of this execution. */
    public record Counts(long read, long written, long skipped, long rollbacks) {}

    /**
     * One worker step of this execution (a partition, or a batch-mode step that commits samples) with its counters
     * and, in remote partitioning, the worker ({@code host:pid}) that claimed it; null when it ran in the manager.
     */
    public record Partition(
            String step, BatchStatus status, long read, long written, long skipped, long rollbacks, String worker) {}

    /**
     * Whether the execution is still at work. Its status alone does not say: {@code JobOperator.stop}
     * records STOPPED (with an end time) at once, while the job finishes its chunk; an execution whose
     * chain is still live in this process has not ended yet, and restarting it now would be refused.
     */
    public boolean running() {
        return status.isRunning() || chainLive;
    }

    /** Samples this execution wrote per second of its run so far, as {@link ExecutionRow#samplesPerSecond}. */
    public double samplesPerSecond() {
        return ExecutionRow.rate(counts.written(), startTime, endTime);
    }

    /** Committed samples of the instance as a share of its target, 0-100. */
    public double progressPercent() {
        int target = parameters.targetCount();
        return Math.min(100.0, Math.round(samplesCommitted * 1000.0 / target) / 10.0);
    }
}
