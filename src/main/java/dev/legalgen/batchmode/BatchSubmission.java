package dev.legalgen.batchmode;

import dev.legalgen.provider.Bill;
import dev.legalgen.provider.ProviderBatch;
import dev.legalgen.provider.ScratchFile;
import dev.legalgen.store.AnswerJournalStore;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.BatchRecords.FileRow;
import dev.legalgen.store.BatchRecords.PriorLine;
import dev.legalgen.store.SampleStore;
import dev.legalgen.store.SpendLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The submission of a round: first the files an earlier execution recorded and did not finish sending, then new files
 * of at most {@code legalgen.batch.max-lines} for the slots without a sample, a journaled answer or a line in this
 * round. Each file is recorded with its slots before it is uploaded, its file id before the batch is created, and its
 * batch id as soon as it is known; a file recorded as uploaded is first looked for among the provider's batches, so
 * that a crash between the creation and its record never creates (or pays for) a batch twice. A file whose worst case
 * could take the run past its budget is not sent: what was sent is still awaited and ingested.
 */
@Component
public class BatchSubmission {

    private static final Logger log = LoggerFactory.getLogger(BatchSubmission.class);

    private final BatchRecords records;
    private final SampleStore samples;
    private final AnswerJournalStore journal;
    private final SpendLedger ledger;
    private final BatchSettings settings;
    private final Clock clock;
    private final BatchRequests requests = new BatchRequests();

    BatchSubmission(
            BatchRecords records,
            SampleStore samples,
            AnswerJournalStore journal,
            SpendLedger ledger,
            BatchSettings settings,
            Clock clock) {
        this.records = records;
        this.samples = samples;
        this.journal = journal;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a submission sent, and why it stopped sending when its budget did ({@code refusal}, else null). */
    public record Submitted(int files, int lines, String refusal) {}

    public Submitted submit(BatchRun run, int round) {
        long instance = run.jobInstanceId();
        Map<Integer, PriorLine> prior = round > 1 ? records.priorLines(instance, round - 1) : Map.of();
        int files = 0;
        int lines = 0;
        int seq = 0;
        for (FileRow file : records.files(instance, round)) {
            seq = Math.max(seq, file.seq());
            if (file.providerBatchId() == null) { // recorded by an execution that did not finish sending it
                ScratchFile.with("legalgen-batch-", ".jsonl", path -> {
                    requests.write(path, instance, round, records.slots(file.id()), run.plan(), prior, run.target());
                    send(run, file, path);
                    return null;
                });
                files++;
                lines += file.lineCount();
            }
        }
        BitSet asked = records.slotsIn(instance, round);
        BitSet journaled = journal.journaledSlots(instance);
        List<Integer> todo = samples.missingSlots(instance, run.plan().targetCount()).stream()
                .filter(slot -> !asked.get(slot) && !journaled.get(slot))
                .toList();
        for (int from = 0; from < todo.size(); from += settings.maxLines()) {
            List<Integer> slots = todo.subList(from, Math.min(todo.size(), from + settings.maxLines()));
            int fileSeq = ++seq;
            String refusal = ScratchFile.with("legalgen-batch-", ".jsonl", path -> {
                Bill worstCase = requests.write(path, instance, round, slots, run.plan(), prior, run.target());
                String refused = refusal(run, worstCase);
                if (refused != null) {
                    return refused;
                }
                FileRow file = records.prepare(
                        instance,
                        round,
                        fileSeq,
                        run.target().route(),
                        slots,
                        worstCase,
                        run.jobExecutionId(),
                        clock.instant());
                send(run, file, path);
                return null;
            });
            if (refusal != null) {
                log.warn("Round {}: {} slots not sent: {}", round, todo.size() - from, refusal);
                return new Submitted(files, lines, refusal);
            }
            files++;
            lines += slots.size();
        }
        return new Submitted(files, lines, null);
    }

    private String refusal(BatchRun run, Bill worstCase) {
        if (!run.budget().limited()) {
            return null;
        }
        Bill spent = SpendLedger.total(ledger.spentBy(run.jobInstanceId()));
        return run.budget().refusal(spent, records.inFlight(run.jobInstanceId()), worstCase, "file");
    }

    private void send(BatchRun run, FileRow file, Path lines) {
        var client = run.target().client();
        ProviderBatch batch = null;
        String inputFileId = file.inputFileId();
        if (inputFileId == null) {
            inputFileId = client.upload(lines, fileName(file));
            records.uploaded(file.id(), inputFileId, clock.instant());
        } else { // uploaded by an execution that may have created its batch just before it ended
            batch = client.findByInputFile(inputFileId).orElse(null);
        }
        if (batch == null) {
            batch = client.create(inputFileId, settings.completionWindow());
        }
        records.batch(file.id(), batch, clock.instant());
        log.info(
                "Round {} file {}: {} lines to {} as {} (file {}), {}",
                file.round(),
                file.seq(),
                file.lineCount(),
                file.route(),
                batch.id(),
                inputFileId,
                batch.status());
    }

    /** {@code legalgen-<instance>-r<round>-<seq>.jsonl}: what the provider's file list shows. */
    private static String fileName(FileRow file) {
        return "legalgen-" + file.jobInstanceId() + "-r" + file.round() + "-" + file.seq() + ".jsonl";
    }
}
