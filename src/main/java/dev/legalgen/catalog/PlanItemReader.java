package dev.legalgen.catalog;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the requests of slots {@code fromSlot..toSlotExclusive-1} in order. Restartable: the base class saves
 * the read count as {@code planReader.read.count}, and this reader saves the plan's fingerprint beside it and
 * refuses to continue a run whose plan (catalog, selection or targetCount) has changed since.
 */
public class PlanItemReader extends AbstractItemCountingItemStreamItemReader<GenerationRequest> {

    static final String NAME = "planReader";
    private static final String FINGERPRINT_KEY = "plan.fingerprint";

    private final GenerationPlan plan;
    private final int fromSlot;
    private final int toSlotExclusive;
    private int nextSlot;

    public PlanItemReader(GenerationPlan plan, int fromSlot, int toSlotExclusive) {
        if (fromSlot < 0 || toSlotExclusive < fromSlot || toSlotExclusive > plan.targetCount()) {
            throw new IllegalArgumentException("slot range " + fromSlot + ".." + toSlotExclusive
                    + " is not inside the plan's 0.." + plan.targetCount());
        }
        this.plan = plan;
        this.fromSlot = fromSlot;
        this.toSlotExclusive = toSlotExclusive;
        this.nextSlot = fromSlot;
        setName(NAME);
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        String key = getExecutionContextKey(FINGERPRINT_KEY);
        if (executionContext.containsKey(key) && !plan.fingerprint().equals(executionContext.getString(key))) {
            throw new ItemStreamException("the generation plan changed since this step last ran (catalog file, practice"
                    + " areas, difficulties or targetCount differ), so slots would map to other requests; restore the"
                    + " original catalog, or start a new instance with 'start --next'");
        }
        super.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        super.update(executionContext);
        if (isSaveState()) {
            executionContext.putString(getExecutionContextKey(FINGERPRINT_KEY), plan.fingerprint());
        }
    }

    @Override
    protected GenerationRequest doRead() {
        if (nextSlot >= toSlotExclusive) {
            return null;
        }
        return plan.request(nextSlot++);
    }

    @Override
    protected void doOpen() {
        nextSlot = fromSlot;
    }

    @Override
    protected void doClose() {
        // Nothing to release: requests are computed, not read from a resource.
    }

    /** O(1): a slot's request is computed, so skipping ahead needs no reading. */
    @Override
    protected void jumpToItem(int itemIndex) {
        nextSlot = fromSlot + itemIndex;
    }
}
