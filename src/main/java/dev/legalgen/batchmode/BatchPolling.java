package dev.legalgen.batchmode;

import dev.legalgen.provider.ProviderBatch;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.BatchRecords.FileRow;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One look at the batches of a round that have not ended: each change of status or counts is recorded at once. */
@Component
public class BatchPolling {

    private static final Logger log = LoggerFactory.getLogger(BatchPolling.class);

    private final BatchRecords records;
    private final Clock clock;

    BatchPolling(BatchRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Whether every batch of the round has ended, and whether any changed since it was last looked at. */
    public record Look(boolean allEnded, boolean changed) {}

    public Look poll(BatchRun run, int round) {
        boolean allEnded = true;
        boolean changed = false;
        for (FileRow file : records.files(run.jobInstanceId(), round)) {
            if (file.ended() || file.providerBatchId() == null) {
                continue; // a file without a batch is one the budget kept back, or one the submission will resend
            }
            ProviderBatch batch = run.target().client().get(file.providerBatchId());
            if (!batch.status().equals(file.status())
                    || batch.completed() != file.completedLines()
                    || batch.failed() != file.failedLines()) {
                changed = true;
                records.batch(file.id(), batch, clock.instant());
                log.info(
                        "Round {} batch {}: {}, {} of {} lines completed, {} failed",
                        round,
                        batch.id(),
                        batch.status(),
                        batch.completed(),
                        batch.total(),
                        batch.failed());
            }
            allEnded &= batch.terminal();
        }
        return new Look(allEnded, changed);
    }
}
