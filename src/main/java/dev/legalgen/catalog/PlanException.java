package dev.legalgen.catalog;

/** Job parameters that do not make a plan; the message names the parameter, the bad value and the allowed values. */
public class PlanException extends RuntimeException {

    public PlanException(String message) {
        super(message);
    }
}
