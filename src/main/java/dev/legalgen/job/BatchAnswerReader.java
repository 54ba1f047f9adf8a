package dev.legalgen.job;

import dev.legalgen.batchmode.BatchResults;
import dev.legalgen.batchmode.BatchRun;
import dev.legalgen.quality.dedup.DuplicateIndex;
import dev.legalgen.store.BatchRecords;
import dev.legalgen.store.BatchRecords.Answer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the answered lines of a round whose slots have no sample yet, in slot order, a page at a time. Opening it
 * first records the results of the round's ended batches ({@link BatchResults}) and opens the dataset's duplicate
 * index. It needs no saved position: a line
 * leaves what it reads once its sample commits or its verdict is recorded, so a restart reads on from where the last
 * commit left it.
 */
class BatchAnswerReader implements ItemStreamReader<Answer> {

    private static final int PAGE = 100;

    private final BatchRun run;
    private final int round;
    private final BatchResults results;
    private final BatchRecords records;
    private final DuplicateIndex duplicates;
    private final String dataset;
    private final Deque<Answer> page = new ArrayDeque<>();
    private int lastSlot = -1;

    BatchAnswerReader(
            BatchRun run,
            int round,
            BatchResults results,
            BatchRecords records,
            DuplicateIndex duplicates,
            String dataset) {
        this.run = run;
        this.round = round;
        this.results = results;
        this.records = records;
        this.duplicates = duplicates;
        this.dataset = dataset;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        results.record(run, round);
        // the answers are judged in the chunk's transaction, and the index must be opened outside any
        duplicates.open(dataset);
    }

    @Override
    public Answer read() {
        if (page.isEmpty()) {
            List<Answer> next = records.answers(run.jobInstanceId(), round, lastSlot, PAGE);
            if (next.isEmpty()) {
                return null;
            }
            page.addAll(next);
            lastSlot = next.get(next.size() - 1).slot();
        }
        return page.pollFirst();
    }
}
