package dev.legalgen.remote;

import dev.legalgen.job.ExecutionFailures;
import org.springframework.batch.core.ExitStatus;

/** A remote partition ended FAILED: which, on which worker, and its exit description's first line. */
final class PartitionFailedException extends RuntimeException {

    PartitionFailedException(String partition, String worker, ExitStatus exit) {
        super(partition + " FAILED on " + worker + ": " + cause(exit.getExitDescription()));
    }

    private static String cause(String description) {
        return description == null || description.isBlank()
                ? "no cause recorded"
                : ExecutionFailures.firstLine(description);
    }
}
