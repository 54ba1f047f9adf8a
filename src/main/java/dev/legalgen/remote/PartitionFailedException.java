package dev.legalgen.remote;

import org.springframework.batch.core.ExitStatus;

/** A remote partition ended FAILED: which, on which worker, and its exit description's first line. */
final class PartitionFailedException extends RuntimeException {

    PartitionFailedException(String partition, String worker, ExitStatus exit) {
        super(partition + " FAILED on " + worker + ": " + firstLine(exit.getExitDescription()));
    }

    private static String firstLine(String description) {
        if (description == null || description.isBlank()) {
            return "no cause recorded";
        }
        int newline = description.indexOf('\n');
        return newline < 0 ? description : description.substring(0, newline);
    }
}
