package dev.legalgen.simulator;

/** What a {@link BatchScript} decided for one batch when it was created. A closed set, like {@link Fault}. */
sealed interface BatchFate {

    /** Runs every line, unless cancelled or out of its completion window. */
    record Normal() implements BatchFate {}

    /** Expires once {@code lines} of its lines have run (a batch with no more lines than that completes). */
    record ExpiresAfter(int lines) implements BatchFate {}

    /** Fails validation: status {@code failed}, no line run, {@code errors} holding this one. */
    record FailsValidation(String code, String message) implements BatchFate {}

    BatchFate NORMAL = new Normal();
}
