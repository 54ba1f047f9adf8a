package dev.legalgen.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.legalgen.chain.Budget;
import dev.legalgen.operations.BatchProgress;
import dev.legalgen.operations.ExecutionSummary;
import dev.legalgen.operations.QualityCounts;
import dev.legalgen.provider.Bill;
import dev.legalgen.provider.ChainState;
import dev.legalgen.provider.TokenUsage;
import dev.legalgen.store.Spend;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
        double samplesPerSecond,
        Counts counts,
        List<Partition> partitions,
        Chain provider,
        Map<String, Long> events,
        Quality quality,
        Spending spend,
        Batches batches,
        LocalDateTime startTime,
        LocalDateTime endTime) {

    /**
     * A run in batch mode: each file of each round with its provider batch ({@code batch_id} is the provider's, not
     * the samples' {@code batch_id}), and how each round's ingested lines ended.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Batches(List<BatchFile> files, Map<Integer, Map<String, Long>> lines) {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record BatchFile(
                int round,
                int seq,
                String provider,
                String model,
                String batchId,
                String inputFileId,
                String status,
                int lines,
                int completed,
                int failed,
                String outputFileId,
                String errorFileId,
                boolean ingested) {}

        static Batches of(BatchProgress progress) {
            if (progress == null) {
                return null;
            }
            Map<Integer, Map<String, Long>> lines = new TreeMap<>();
            progress.outcomes().forEach((round, counts) -> {
                Map<String, Long> named = new LinkedHashMap<>();
                counts.forEach((outcome, count) -> named.put(outcome.name().toLowerCase(Locale.ROOT), count));
                lines.put(round, named);
            });
            return new Batches(
                    progress.files().stream()
                            .map(f -> new BatchFile(
                                    f.round(),
                                    f.seq(),
                                    f.provider(),
                                    f.model(),
                                    f.providerBatchId(),
                                    f.inputFileId(),
                                    f.status(),
                                    f.lineCount(),
                                    f.completedLines(),
                                    f.failedLines(),
                                    f.outputFileId(),
                                    f.errorFileId(),
                                    f.ingested()))
                            .toList(),
                    lines);
        }
    }

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

    /**
     * What the instance was billed over all its executions, per route, and what its committed samples hold; costs in
     * US dollars (as JSON numbers), {@code unpriced_calls} without one; the budget of this execution, when it has one.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Spending(
            Tokens spent,
            Tokens kept,
            Tokens notKept,
            long calls,
            long unpricedCalls,
            List<RouteSpending> routes,
            Long maxTokens,
            BigDecimal maxCostUsd) {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record Tokens(long total, long prompt, long completion, long reasoning, BigDecimal costUsd) {
            static Tokens of(Bill bill) {
                TokenUsage t = bill.tokens();
                return new Tokens(
                        t.total(),
                        t.prompt(),
                        t.completion(),
                        t.reasoning(),
                        bill.costUsd() == null ? null : bill.costUsd().stripTrailingZeros());
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record RouteSpending(String provider, String model, long calls, long unpricedCalls, Tokens billed) {}

        static Spending of(Spend spend, Budget budget) {
            return new Spending(
                    Tokens.of(spend.spent()),
                    Tokens.of(spend.kept()),
                    Tokens.of(spend.notKept()),
                    spend.calls(),
                    spend.unpricedCalls(),
                    spend.routes().stream()
                            .map(r -> new RouteSpending(
                                    r.provider(), r.model(), r.calls(), r.unpricedCalls(), Tokens.of(r.bill())))
                            .toList(),
                    budget.maxTokens(),
                    budget.maxCostUsd());
        }
    }

    /** Committed samples of the instance (all its executions) and its target. */
    record Samples(long committed, long target) {}

    /** This execution's worker-step counters. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Counts(long read, long written, long skipped, long rollbacks) {}

    /** One worker step: a partition and, in remote partitioning, the worker ({@code host:pid}) that claimed it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Partition(String step, String status, long read, long written, long skipped, long rollbacks, String worker) {
        static Partition of(ExecutionSummary.Partition p) {
            return new Partition(
                    p.step(), p.status().name(), p.read(), p.written(), p.skipped(), p.rollbacks(), p.worker());
        }
    }

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
                s.samplesPerSecond(),
                new Counts(c.read(), c.written(), c.skipped(), c.rollbacks()),
                s.partitions().stream().map(Partition::of).toList(),
                Chain.of(s.chain(), s.chainLive()),
                s.events(),
                Quality.of(s.quality()),
                Spending.of(s.spend(), s.parameters().budget()),
                Batches.of(s.batches()),
                s.startTime(),
                s.endTime());
    }
}
