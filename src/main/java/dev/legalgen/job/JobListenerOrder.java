package dev.legalgen.job;

/**
 * The order of the job's listeners, which are every {@code JobExecutionListener} bean: {@code beforeJob}
 * in this order, {@code afterJob} in the reverse one (as Batch calls them).
 */
public final class JobListenerOrder {

    /** The batch id first: everything after may log it. */
    public static final int RUN = 0;

    public static final int SHUTDOWN = 10;
    public static final int CHAIN_STATE = 20;
    /** Its afterJob before the chain state's: a failure's cause is saved before the chain, whose end the REST API reports, is let go. */
    public static final int FAILURE_CAUSE = 25;

    public static final int PROGRESS = 30;
    public static final int PLANS = 40;
    /** Last before, first after: the lock of an asynchronous launch is released as soon as the job ends. */
    public static final int INSTANCE_LOCK = 50;

    private JobListenerOrder() {}
}
