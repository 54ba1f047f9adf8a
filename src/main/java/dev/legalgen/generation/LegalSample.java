package dev.legalgen.generation;

import dev.legalgen.quality.citation.CitationCheck;
import java.time.Instant;
import java.util.UUID;

/**
 * One generated training sample: the JSONL line (README, Output) plus where it belongs
 * (job instance and plan slot, the unique key that makes a restart exactly-once). {@code attempts} counts the
 * generations the slot took, re-asks after a failed quality check included; {@code tokensUsed} is their sum.
 * {@code citationCheck} is null when citations are not checked ({@code legalgen.quality.citations=off}).
 */
public record LegalSample(
        String id,
        long jobInstanceId,
        int slot,
        String batchId,
        String provider,
        String model,
        String practiceArea,
        String topic,
        String difficulty,
        String question,
        String answer,
        String reasoning,
        String caseCitation,
        CitationCheck citationCheck,
        int tokensUsed,
        long latencyMs,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    /** A new sample id, {@code <provider>_<uuid4>}: unique without asking the database. */
    public static String newId(String provider) {
        return provider + "_" + UUID.randomUUID();
    }
}
