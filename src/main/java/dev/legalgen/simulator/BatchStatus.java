package dev.legalgen.simulator;

import java.util.Locale;

/** The states of a batch, as Groq documents them; {@link #wire()} is the spelling in the batch object. */
enum BatchStatus {
    VALIDATING,
    FAILED,
    IN_PROGRESS,
    FINALIZING,
    COMPLETED,
    EXPIRED,
    CANCELLING,
    CANCELLED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
