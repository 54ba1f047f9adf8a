package dev.legalgen.job;

import dev.legalgen.catalog.GenerationPlan;
import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.store.SampleStore;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the requests of the slots that have no sample yet (skipped by an earlier step), for one more round of
 * attempts. The slots are found once, when the step first opens, and kept in its context beside the read count, so a
 * restart goes on with the same list where it stopped.
 */
class MissingSlotReader extends AbstractItemCountingItemStreamItemReader<GenerationRequest> {

    static final String NAME = "missingSlots";
    private static final String SLOTS_KEY = "slots";

    private final GenerationPlan plan;
    private final long jobInstanceId;
    private final SampleStore samples;
    private List<Integer> slots;

    MissingSlotReader(GenerationPlan plan, long jobInstanceId, SampleStore samples) {
        this.plan = plan;
        this.jobInstanceId = jobInstanceId;
        this.samples = samples;
        setName(NAME);
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        String key = getExecutionContextKey(SLOTS_KEY);
        slots = executionContext.containsKey(key)
                ? parse(executionContext.getString(key))
                : samples.missingSlots(jobInstanceId, plan.targetCount());
        executionContext.putString(key, format(slots));
        super.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        super.update(executionContext);
        executionContext.putString(getExecutionContextKey(SLOTS_KEY), format(slots));
    }

    @Override
    protected GenerationRequest doRead() {
        int index = getCurrentItemCount() - 1; // the base class counts this read already
        return index < slots.size() ? plan.request(slots.get(index)) : null;
    }

    /** {@link #doRead} reads by index, so a restart needs no reading up to where it stopped. */
    @Override
    protected void jumpToItem(int itemIndex) {}

    @Override
    protected void doOpen() {}

    @Override
    protected void doClose() {}

    private static String format(List<Integer> slots) {
        return slots.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> parse(String text) {
        return text.isEmpty()
                ? List.of()
                : Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }
}
