package dev.legalgen.batchmode;

import dev.legalgen.provider.BatchResultLine;
import dev.legalgen.provider.Bill;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.BatchRecords.FileRow;
import dev.legalgen.store.BatchRecords.ResultLine;
import dev.legalgen.store.LineOutcome;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the results of a round's ended batches into {@code batch_line}: each file's output and error lines, matched
 * by custom id (they come in any order), streamed from the provider into one transaction per file with their spend,
 * so that a crash leaves a file either wholly recorded or not at all, and no line is billed twice.
 */
@Component
public class BatchResults {

    private static final Logger log = LoggerFactory.getLogger(BatchResults.class);

    private final BatchRecords records;
    private final Clock clock;

    BatchResults(BatchRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Records the results of every ended, not yet ingested file of the round. */
    public void record(BatchRun run, int round) {
        for (FileRow file : records.files(run.jobInstanceId(), round)) {
            if (file.ended() && !file.ingested()) {
                record(run, file);
            }
        }
    }

    private void record(BatchRun run, FileRow file) {
        long started = System.nanoTime();
        AtomicLong foreign = new AtomicLong();
        Map<LineOutcome, Integer> counts =
                records.ingest(file, run.jobExecutionId(), missing(file), clock.instant(), lines -> {
                    Consumer<String> reader = text -> {
                        ResultLine line = resultOf(run, file, text);
                        if (line == null) {
                            foreign.incrementAndGet();
                        } else {
                            lines.accept(line);
                        }
                    };
                    if (file.outputFileId() != null) {
                        run.target().client().download(file.outputFileId(), reader);
                    }
                    if (file.errorFileId() != null) {
                        run.target().client().download(file.errorFileId(), reader);
                    }
                });
        if (foreign.get() > 0) {
            log.warn(
                    "Batch {}: {} result lines name no line of this file and were left out",
                    file.providerBatchId(),
                    foreign.get());
        }
        log.info(
                "Round {} batch {} ({}): results {}, downloaded and recorded in {} ms",
                file.round(),
                file.providerBatchId(),
                file.status(),
                counts,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The line as recorded, or null when its custom id is not one of this file's round and instance. */
    private ResultLine resultOf(BatchRun run, FileRow file, String text) {
        BatchResultLine result = run.target().client().result(text);
        CustomId id = CustomId.parse(result.customId());
        if (id == null || id.jobInstanceId() != file.jobInstanceId() || id.round() != file.round()) {
            return null;
        }
        LineOutcome outcome = switch (result.outcome()) {
            case ANSWERED -> LineOutcome.ANSWERED;
            case TRUNCATED -> LineOutcome.TRUNCATED;
            case UNUSABLE -> LineOutcome.UNUSABLE;
            case FAILED -> LineOutcome.FAILED;
            case NOT_RUN -> LineOutcome.NOT_RUN;
        };
        return result.completion() == null
                ? new ResultLine(id.slot(), outcome, result.problem(), null, null, Bill.NONE)
                : new ResultLine(
                        id.slot(),
                        outcome,
                        result.problem(),
                        outcome == LineOutcome.ANSWERED ? result.completion().content() : null,
                        result.completion().model(),
                        result.completion().bill());
    }

    /** Why a line is in neither result file. */
    private static String missing(FileRow file) {
        return "in no result file of batch " + file.providerBatchId() + " (" + file.status()
                + (file.errorSummary() == null ? "" : ": " + file.errorSummary()) + ")";
    }
}
