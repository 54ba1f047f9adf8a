package dev.legalgen.job;

import dev.legalgen.catalog.SlotRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Splits the plan's slots into contiguous ranges, one worker step each. */
class SlotPartitioner implements Partitioner {

    static final String FROM_SLOT = "fromSlot";
    static final String TO_SLOT = "toSlot";

    private final int targetCount;

    SlotPartitioner(int targetCount) {
        this.targetCount = targetCount;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<SlotRange> ranges = SlotRange.split(targetCount, gridSize);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(FROM_SLOT, ranges.get(i).from());
            context.putInt(TO_SLOT, ranges.get(i).to());
            partitions.put("partition" + i, context);
        }
        return partitions;
    }
}
