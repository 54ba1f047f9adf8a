package dev.legalgen.catalog;

/** A selection that makes no plan: which selection, and the bad value with the allowed ones. */
public class PlanException extends RuntimeException {

    /** The selection at fault. */
    public enum Subject {
        PRACTICE_AREAS,
        DIFFICULTIES
    }

    private final Subject subject;

    public PlanException(Subject subject, String problem) {
        super(problem);
        this.subject = subject;
    }

    public Subject subject() {
        return subject;
    }
}
