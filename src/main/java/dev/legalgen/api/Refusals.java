package dev.legalgen.api;

import dev.legalgen.operations.Outcome;

/**
 * The restart rules' refusals in the REST API's terms: its fields and endpoints, where the outcome's message
 * gives the command line's ({@code stop 52}, {@code start --next}).
 */
final class Refusals {

    static final String STATUS = "GET /api/generate/batch/status";
    static final String STOP = "POST /api/generate/batch/stop";

    private static final String NEW_INSTANCE = "give a new run_id for a new instance with the same parameters";

    private Refusals() {}

    /** The problem detail (or, for a complete instance, the message) for a start that did not run. */
    static String detail(Outcome outcome) {
        Long id = outcome.executionId();
        return switch (outcome.refusal()) {
            case RUNNING ->
                id == null
                        ? "this instance is being launched by another request or process; follow it at " + STATUS
                                + " once it runs, or " + NEW_INSTANCE
                        : "execution " + id + " of this instance is running; follow it at " + status(id)
                                + ", stop it with " + STOP + " {\"execution_id\": " + id + "}, or " + NEW_INSTANCE;
            case LEFT_RUNNING ->
                "execution " + id + " of this instance was left running by a process that is gone (killed, or its"
                        + " machine lost); mark it FAILED from the command line (legalgen recover " + id
                        + "), then send this body again to continue it, or " + NEW_INSTANCE;
            case COMPLETE -> "already complete (execution " + id + "); nothing to do: " + NEW_INSTANCE;
            case ABANDONED -> "execution " + id + " was abandoned and will not restart; " + NEW_INSTANCE;
            case NOT_RESTARTABLE -> outcome.message();
        };
    }

    static String status(long executionId) {
        return STATUS + "?execution_id=" + executionId;
    }
}
