package dev.legalgen.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.legalgen.operations.ExecutionSummary;
import dev.legalgen.operations.QualityCounts;
import dev.legalgen.provider.ChainState;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/generate/batch/status}: one execution, read from the JobRepository. {@code running}
 * stays true until the execution has really ended (see {@link ExecutionSummary#running}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record StatusBody(
        long executionId,
        long instanceId,
        String status,
        boolean running,
        String exitCode,
        String exitDescription,
        String dataset,
        String chain,
        Samples samples,
        double progressPercent,
        Counts counts,
        Chain provider,
        Map<String, Long> events,
        Quality quality,
        LocalDateTime startTime,
        LocalDateTime endTime) {

    /** What the quality checks did, over all the instance's executions ({@link QualityCounts}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Quality(
            Map<String, Long> reasks,
            Map<String, Long> givenUp,
            Duplicates duplicatesRefused,
            Map<String, Long> citationChecks) {

        record Duplicates(long exact, long near) {}

        static Quality of(QualityCounts counts) {
            return new Quality(
                    counts.reasks(),
                    counts.givenUp(),
                    new Duplicates(counts.exactDuplicates(), counts.nearDuplicates()),
                    counts.citations());
        }
    }

    /** Committed samples of the instance (all its executions) and its target. */
    record Samples(long committed, long target) {}

    /** This execution's worker-step counters. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Counts(long read, long written, long skipped, long rollbacks) {}

    /** The provider chain: live while running here, else as saved when the execution ended. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Chain(
            boolean live,
            String currentProvider,
            String currentModel,
            long providerSwitches,
            long modelSwitches,
            int consecutiveFailures,
            long samplesGenerated,
            long totalTokens,
            Map<String, List<String>> failedModels,
            Map<String, String> providersOut) {

        static Chain of(ChainState state, boolean live) {
            return state == null
                    ? null
                    : new Chain(
                            live,
                            state.currentProvider(),
                            state.currentModel(),
                            state.providerSwitches(),
                            state.modelSwitches(),
                            state.consecutiveFailures(),
                            state.samplesGenerated(),
                            state.totalTokens(),
                            state.failedModels(),
                            state.providersOut());
        }
    }

    static StatusBody of(ExecutionSummary s) {
        ExecutionSummary.Counts c = s.counts();
        return new StatusBody(
                s.executionId(),
                s.instanceId(),
                s.status().name(),
                s.running(),
                s.exitCode(),
                s.exitDescription(),
                s.parameters().dataset(),
                s.parameters().chain(),
                new Samples(s.samplesCommitted(), s.parameters().targetCount()),
                s.progressPercent(),
                new Counts(c.read(), c.written(), c.skipped(), c.rollbacks()),
                Chain.of(s.chain(), s.chainLive()),
                s.events(),
                Quality.of(s.quality()),
                s.startTime(),
                s.endTime());
    }
}
