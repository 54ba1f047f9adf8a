package dev.legalgen.operations;

import dev.legalgen.job.QualityRecorder;
import dev.legalgen.provider.ChainEvent;
import dev.legalgen.provider.ErrorCategory;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the quality checks did for an instance, over all its executions: re-asks by reason (the checks' and the
 * chain's own re-ask of an unusable or cut-off answer), generations given up by reason, duplicates refused, and the
 * citation checks of the committed samples. Read from {@code generation_event} and {@code legal_sample}, so that
 * {@code status}, the REST status and the dataset card say the same.
 */
public record QualityCounts(
        Map<String, Long> reasks,
        Map<String, Long> givenUp,
        long exactDuplicates,
        long nearDuplicates,
        Map<String, Long> citations) {

    private static final String CHAIN_RETRY = ChainEvent.Type.RETRY.name().toLowerCase(Locale.ROOT) + "/";

    /** From {@code EventStore.countsByKind} and {@code SampleStore.countsByCitationCheck}. */
    static QualityCounts of(Map<String, Long> eventCounts, Map<String, Long> citations) {
        Map<String, Long> reasks = new TreeMap<>();
        Map<String, Long> givenUp = new TreeMap<>();
        eventCounts.forEach((kind, count) -> {
            if (kind.startsWith(QualityRecorder.REASK + "/")) {
                reasks.merge(kind.substring(QualityRecorder.REASK.length() + 1), count, Long::sum);
            } else if (kind.startsWith(QualityRecorder.REJECTED + "/")) {
                givenUp.merge(kind.substring(QualityRecorder.REJECTED.length() + 1), count, Long::sum);
            } else if (kind.equals(CHAIN_RETRY + ErrorCategory.INVALID_OUTPUT.label())
                    || kind.equals(CHAIN_RETRY + ErrorCategory.TRUNCATED.label())) {
                // the chain's one re-ask of an answer it could not parse, or that its budget cut off
                reasks.merge(kind.substring(CHAIN_RETRY.length()), count, Long::sum);
            }
        });
        return new QualityCounts(
                Collections.unmodifiableMap(reasks),
                Collections.unmodifiableMap(givenUp),
                refused(reasks, givenUp, "exact_duplicate"),
                refused(reasks, givenUp, "near_duplicate"),
                Collections.unmodifiableMap(new TreeMap<>(citations)));
    }

    public long reaskTotal() {
        return reasks.values().stream().mapToLong(Long::longValue).sum();
    }

    public long givenUpTotal() {
        return givenUp.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code re-asks 3 (exact_duplicate 1, validation 2), given up 0, duplicates refused: 1 exact, 0 near}. */
    String describe() {
        return "re-asks " + reaskTotal() + listed(reasks) + ", given up " + givenUpTotal() + listed(givenUp)
                + ", duplicates refused: " + exactDuplicates + " exact, " + nearDuplicates + " near";
    }

    /** {@code recognized 4, none 1}: the committed samples by the outcome of their citation check. */
    String describeCitations() {
        return citations.isEmpty()
                ? "no samples yet"
                : String.join(
                        ", ",
                        citations.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .toList());
    }

    private static long refused(Map<String, Long> reasks, Map<String, Long> givenUp, String reason) {
        return reasks.getOrDefault(reason, 0L) + givenUp.getOrDefault(reason, 0L);
    }

    private static String listed(Map<String, Long> counts) {
        return counts.isEmpty()
                ? ""
                : " ("
                        + String.join(
                                ", ",
                                counts.entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .toList())
                        + ")";
    }
}
