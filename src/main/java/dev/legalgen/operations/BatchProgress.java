package dev.legalgen.operations;

import dev.legalgen.store.BatchRecords.FileRow;
import dev.legalgen.store.LineOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run in batch mode as {@code status} shows it: each file of each round with its provider batch, and how the
 * ingested lines of each round ended.
 */
public record BatchProgress(List<FileRow> files, Map<Integer, Map<LineOutcome, Long>> outcomes) {

    /** {@code status} lines: one per file, then one per round of ingested lines. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("  provider batches: " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " in "
                + files.stream().map(FileRow::round).distinct().count() + " round(s)");
        for (FileRow file : files) {
            lines.add(String.format(
                    Locale.ROOT,
                    "    round %d file %d: %s %s, %d lines, %d completed, %d failed%s",
                    file.round(),
                    file.seq(),
                    file.providerBatchId() == null ? "(no batch yet)" : file.providerBatchId(),
                    file.status(),
                    file.lineCount(),
                    file.completedLines(),
                    file.failedLines(),
                    file.ingested() ? ", results ingested" : ""));
        }
        outcomes.forEach((round, counts) -> lines.add("    round " + round + " lines: " + describe(counts)));
        return lines;
    }

    /** {@code answered 3, failed 1}: outcomes in their order, lower case. */
    static String describe(Map<LineOutcome, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
