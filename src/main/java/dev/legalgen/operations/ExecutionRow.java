package dev.legalgen.operations;

import dev.legalgen.job.DatasetParameters;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;

/**
 * One execution in the list of recent ones ({@code list}, {@code GET /api/generate/batch/executions}):
 * {@code samplesCommitted} is its instance's, {@code written} this execution's worker steps', whose pace
 * {@link #samplesPerSecond} gives; {@code running} as {@link ExecutionSummary#running} decides it.
 */
public record ExecutionRow(
        long executionId,
        long instanceId,
        BatchStatus status,
        boolean running,
        DatasetParameters parameters,
        long samplesCommitted,
        long written,
        LocalDateTime startTime,
        LocalDateTime endTime) {

    /** Samples this execution wrote per second of its run so far (0 before it starts). */
    public double samplesPerSecond() {
        return rate(written, startTime, endTime);
    }

    /** {@code written} over the time from {@code start} to {@code end} (now, while it runs). */
    static double rate(long written, LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return 0.0;
        }
        long millis =
                Duration.between(start, end == null ? LocalDateTime.now() : end).toMillis();
        return millis <= 0 ? 0.0 : Math.round(written * 10_000.0 / millis) / 10.0;
    }
}
