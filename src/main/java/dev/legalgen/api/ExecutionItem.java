package dev.legalgen.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.legalgen.job.DatasetParameters;
import dev.legalgen.operations.ExecutionRow;
import java.time.LocalDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/generate/batch/executions}: one execution as {@code list} shows it. {@code samples} are its
 * instance's (committed of the target), {@code samples_per_second} this execution's pace.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExecutionItem(
        long executionId,
        long instanceId,
        String dataset,
        String chain,
        String mode,
        List<String> practiceAreas,
        List<String> difficulties,
        String runId,
        String status,
        boolean running,
        StatusBody.Samples samples,
        long written,
        double samplesPerSecond,
        LocalDateTime startTime,
        LocalDateTime endTime) {

    static ExecutionItem of(ExecutionRow row) {
        DatasetParameters p = row.parameters();
        return new ExecutionItem(
                row.executionId(),
                row.instanceId(),
                p.dataset(),
                p.chain(),
                p.mode().parameterValue(),
                p.practiceAreas(),
                p.difficulties(),
                p.runId(),
                row.status().name(),
                row.running(),
                new StatusBody.Samples(row.samplesCommitted(), p.targetCount()),
                row.written(),
                row.samplesPerSecond(),
                row.startTime(),
                row.endTime());
    }
}
