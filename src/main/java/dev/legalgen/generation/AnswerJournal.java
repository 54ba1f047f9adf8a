package dev.legalgen.generation;

import java.util.Optional;

/**
 * Answers accepted from a provider, kept apart from the chunk transaction until their chunk commits, so
 * that a crash throws away only the calls in flight, never answers that were already paid for.
 */
public interface AnswerJournal {

    /** The answer an execution of the instance accepted for this slot and has not committed, if any. */
    Optional<LegalSample> find(long jobInstanceId, int slot);

    /**
     * Keeps an accepted answer, in the caller's transaction: one of its own, never the chunk's, so that the answer is
     * kept whatever becomes of its chunk, and committed with whatever else accepting it wrote.
     */
    void record(LegalSample sample, long paidByExecutionId);
}
