package dev.legalgen.simulator;

import java.time.Instant;

/**
 * A batch at one instant, for its JSON object. {@code endedAt} is when it reached its end status (failed,
 * completed, expired or cancelled); {@code validationFailure} is set only for a batch that failed validation.
 */
record BatchView(
        Batch.Spec spec,
        BatchStatus status,
        int total,
        int completed,
        int failed,
        Instant inProgressAt,
        Instant finalizingAt,
        Instant endedAt,
        Instant cancellingAt,
        String outputFileId,
        String errorFileId,
        BatchFate.FailsValidation validationFailure) {

    /** When the batch ended as {@code ended}, null when it did not (yet). */
    Instant endedAs(BatchStatus ended) {
        return status == ended ? endedAt : null;
    }
}
