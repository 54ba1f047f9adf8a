package dev.legalgen.job;

import dev.legalgen.provider.ChainSpec;

/**
 * A command line, job parameter or configuration the user must fix; nothing was run (exit 2). When it is
 * about a job parameter, it says which as data ({@link #parameter()}, and the {@link #part()} of it at
 * fault), so that the REST API can name its own field without reading the message.
 */
public class UsageException extends RuntimeException {

    /** The part of a {@code chain} parameter that names a model (not a provider). */
    public static final String MODEL = "model";

    private final String parameter;
    private final String part;
    private final String problem;

    public UsageException(String message) {
        this(null, null, message, null);
    }

    public UsageException(String message, Throwable cause) {
        this(null, null, message, cause);
    }

    private UsageException(String parameter, String part, String problem, Throwable cause) {
        super(parameter == null ? problem : parameter + ": " + problem, cause);
        this.parameter = parameter;
        this.part = part;
        this.problem = problem;
    }

    /** A bad value of job parameter {@code parameter}: {@code problem} says what, and what is allowed. */
    public static UsageException of(String parameter, String problem) {
        return new UsageException(parameter, null, problem, null);
    }

    /** As {@link #of(String, String)}, about a {@code part} of the parameter (e.g. {@link #MODEL}). */
    public static UsageException of(String parameter, String part, String problem, Throwable cause) {
        return new UsageException(parameter, part, problem, cause);
    }

    /** A {@code chain} parameter that names no usable route: about its pinned model, or its providers. */
    public static UsageException ofChain(ChainSpec.InvalidChainException e) {
        return of(DatasetParameters.CHAIN, e.aboutModel() ? MODEL : null, e.getMessage(), e);
    }

    /** The job parameter at fault, or null when the problem is not one parameter's. */
    public String parameter() {
        return parameter;
    }

    /** The part of the parameter at fault, or null for the whole value. */
    public String part() {
        return part;
    }

    /** The message without the parameter's name. */
    public String problem() {
        return problem;
    }
}
