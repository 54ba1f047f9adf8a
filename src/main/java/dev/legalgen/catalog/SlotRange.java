package dev.legalgen.catalog;

import java.util.ArrayList;
import java.util.List;

/** Slots {@code from} (inclusive) to {@code to} (exclusive) of a plan: one partition's share. */
public record SlotRange(int from, int to) {

    public SlotRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("slot range needs 0 <= from <= to, got " + from + ".." + to);
        }
    }

    public int size() {
        return to - from;
    }

    /**
     * Contiguous, non-empty ranges covering {@code 0..targetCount-1}, sizes differing by at most one (the larger
     * ones first); fewer than {@code partitions} ranges when there are fewer slots than partitions.
     */
    public static List<SlotRange> split(int targetCount, int partitions) {
        if (targetCount < 0 || partitions < 1) {
            throw new IllegalArgumentException(
                    "split needs targetCount >= 0 and partitions >= 1, got " + targetCount + " and " + partitions);
        }
        int count = Math.min(targetCount, partitions);
        List<SlotRange> ranges = new ArrayList<>(count);
        int from = 0;
        for (int index = 0; index < count; index++) {
            int size = targetCount / count + (index < targetCount % count ? 1 : 0);
            ranges.add(new SlotRange(from, from + size));
            from += size;
        }
        return ranges;
    }
}
