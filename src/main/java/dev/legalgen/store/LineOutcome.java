package dev.legalgen.store;

import java.util.Locale;

/**
 * What became of one line of a batch file ({@code batch_line.outcome}): the provider's result, then the ingest's
 * verdict on an answer. Every outcome but a committed sample sends the slot to the next round.
 */
public enum LineOutcome {
    /** A usable answer, not yet judged. */
    ANSWERED,
    /** Cut off at its completion budget ({@code finish_reason: length}): the next round asks with twice the budget. */
    TRUNCATED,
    /** Answered without usable content. */
    UNUSABLE,
    /** The provider answered the line with an error. */
    FAILED,
    /** Not run: the batch expired or was cancelled first. */
    NOT_RUN,
    /** In neither result file, e.g. of a batch that failed validation. */
    MISSING,
    /** Its sample failed a quality check or was a duplicate: the next round re-asks with the reasons. */
    REJECTED,
    /** Its content was not the sample asked for. */
    INVALID;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LineOutcome of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
