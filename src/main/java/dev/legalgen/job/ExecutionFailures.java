package dev.legalgen.job;

import dev.legalgen.provider.ProviderCallException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Digs the user-facing cause out of the wrappers a failed execution collects. */
public final class ExecutionFailures {

    /** What the partitioned step says when a partition failed: the partition's own failure says why. */
    private static final String PARTITION_HANDLER_FAILED = "Partition handler returned an unsuccessful step";

    private ExecutionFailures() {}

    public static String of(JobExecution execution) {
        List<Throwable> failures = new ArrayList<>(execution.getFailureExceptions());
        for (StepExecution step : execution.getStepExecutions()) {
            failures.addAll(step.getFailureExceptions());
        }
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable failure : failures) {
            messages.add(rootMessage(failure));
        }
        messages.remove(null);
        messages.remove(PARTITION_HANDLER_FAILED);
        // a wrapper's message often quotes its cause's: keep the fullest one
        messages.removeIf(m -> messages.stream().anyMatch(other -> !other.equals(m) && other.contains(m)));
        if (messages.isEmpty()) {
            String description = execution.getExitStatus().getExitDescription();
            return description.isBlank() ? "no cause recorded" : firstLine(description);
        }
        return String.join("; ", messages);
    }

    /**
     * The innermost message: Batch wraps the real cause in step, chunk and retry exceptions. A provider
     * failure's message is written for the user and sums up its own causes, so the search ends there.
     */
    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        String message = failure.getMessage();
        while (cause != null) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            cause = cause instanceof ProviderCallException || cause.getCause() == cause ? null : cause.getCause();
        }
        return message == null ? failure.getClass().getSimpleName() : firstLine(message);
    }

    /** A message or exit description's first line (an exit description holds a whole stack trace). */
    public static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
