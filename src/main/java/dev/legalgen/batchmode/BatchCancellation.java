package dev.legalgen.batchmode;

import dev.legalgen.chain.BatchTarget;
import dev.legalgen.provider.ProviderBatch;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.BatchRecords.FileRow;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cancels the provider batches of an instance that have not ended: what {@code abandon} does to a run in batch mode
 * (a stop leaves them running, for the same command to await). The lines they completed are billed by the provider;
 * the samples already committed stay.
 */
@Component
public class BatchCancellation {

    private static final Logger log = LoggerFactory.getLogger(BatchCancellation.class);

    private final BatchRecords records;
    private final Clock clock;

    BatchCancellation(BatchRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** @return the batches asked to cancel */
    public int cancel(long jobInstanceId, BatchTarget target) {
        int cancelled = 0;
        for (FileRow file : records.files(jobInstanceId)) {
            if (file.providerBatchId() == null
                    || file.ended()
                    || !file.provider().equals(target.route().provider())) {
                continue;
            }
            ProviderBatch batch = target.client().cancel(file.providerBatchId());
            records.batch(file.id(), batch, clock.instant());
            log.info("Batch {} of round {}: cancel asked, now {}", batch.id(), file.round(), batch.status());
            cancelled++;
        }
        return cancelled;
    }
}
