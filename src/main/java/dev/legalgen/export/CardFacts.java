package dev.legalgen.export;

import dev.legalgen.store.Spend;
import java.util.List;
import java.util.Map;

/**
 * What a dataset card says that the samples alone do not: the instance's state, its plan's coverage and its quality
 * counts. Supplied by the operations layer, which knows runs; the export knows files.
 */
public interface CardFacts {

    /** The facts of the instance of execution {@code jobExecutionId}, as that execution left it. */
    Facts of(long jobExecutionId);

    /**
     * {@code status} as Batch spells it; {@code complete} when the instance COMPLETED (a partial export says so);
     * {@code quality} as label to count (re-asks, duplicates refused, citation outcomes, skips); {@code spend} what
     * the instance was billed and kept.
     */
    record Facts(
            String dataset,
            long jobInstanceId,
            String status,
            boolean complete,
            long planned,
            List<Coverage> coverage,
            Map<String, Long> quality,
            Spend spend) {}

    /** One cell of the plan: what it planned, what it has, and what is missing by the category of the last skip. */
    record Coverage(
            String practiceArea,
            String topic,
            String difficulty,
            long planned,
            long committed,
            Map<String, Long> missingByReason) {}
}
