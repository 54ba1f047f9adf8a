package dev.legalgen.generation;

import dev.legalgen.provider.Bill;
import dev.legalgen.quality.citation.CitationCheck;
import java.time.Instant;
import java.util.UUID;

/**
 * One generated training sample: the JSONL line (README, Output) plus where it belongs
 * (job instance and plan slot, the unique key that makes a restart exactly-once). {@code attempts} counts the
 * generations the slot took, re-asks after a failed quality check included; {@code bill} is what the calls of
 * the answers it was generated from were billed (an unusable answer the chain re-asked is only in the run's spend),
 * its cost null when one of them had no configured price.
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
        Bill bill,
        long latencyMs,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    /** Prompt plus completion tokens of all the sample's calls: the line's {@code tokens_used}. */
    public long tokensUsed() {
        return bill.tokens().total();
    }

    /** A new sample id, {@code <provider>_<uuid4>}: unique without asking the database. */
    public static String newId(String provider) {
        return provider + "_" + UUID.randomUUID();
    }
}
