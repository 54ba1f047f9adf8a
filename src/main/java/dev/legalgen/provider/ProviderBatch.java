package dev.legalgen.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A batch as the provider's Batch API reports it: its status, files and request counts. File ids are null until
 * the batch has written them (a file with no line is never written); {@code errorSummary} holds the batch's own
 * {@code errors} ({@code code: message}, joined), null when it has none.
 */
public record ProviderBatch(
        String id,
        String status,
        String inputFileId,
        String outputFileId,
        String errorFileId,
        int total,
        int completed,
        int failed,
        String errorSummary) {

    /** The statuses a batch never leaves (provider-facts.md §10). */
    static final Set<String> TERMINAL = Set.of("completed", "failed", "expired", "cancelled");

    /** Whether the batch has ended: polling it again changes nothing. */
    public boolean terminal() {
        return isTerminal(status);
    }

    /** Whether a batch of this status has ended. */
    public static boolean isTerminal(String status) {
        return TERMINAL.contains(status);
    }

    /** Whether every line ran: the output and error files hold a result line for each. */
    public boolean completedAll() {
        return "completed".equals(status);
    }

    /** The files holding the batch's result lines, output file first; none until it has ended. */
    public List<String> resultFileIds() {
        List<String> ids = new ArrayList<>(2);
        if (outputFileId != null) {
            ids.add(outputFileId);
        }
        if (errorFileId != null) {
            ids.add(errorFileId);
        }
        return List.copyOf(ids);
    }
}
