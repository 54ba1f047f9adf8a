package dev.legalgen.generation;

import java.util.Optional;

/**
 * Answers accepted from a provider, kept apart from the chunk transaction until their chunk commits, so
 * that a crash throws away only the calls in flight, never answers that were already paid for.
 */
public interface AnswerJournal {

    /** The answer an execution of the instance accepted for this slot and has not committed, if any. */
    Optional<LegalSample> find(long jobInstanceId, int slot);

    /** Keeps an accepted answer at once, durably, whatever becomes of its chunk's transaction. */
    void record(LegalSample sample, long paidByExecutionId);
}
