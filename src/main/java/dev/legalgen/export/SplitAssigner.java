package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import dev.legalgen.quality.dedup.StableHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each sample in a split, fed the samples of an instance in commit order. A sample goes where a stable hash of
 * its id puts it (shares as the plan's), unless that would leave a split of its practice area × difficulty cell a
 * whole sample or more away from its share of the cell's samples so far; then it goes to the split furthest behind.
 * So every cell's splits stay within one sample of their shares (for up to three splits: {@code SplitAssignerTests}
 * checks it over random shares), and a sample's split depends only on itself and the samples of its cell committed
 * before it: the same in every export, and after a restart adds more. Holds a few counters per cell.
 */
final class SplitAssigner {

    private final List<String> names;
    private final double[] shares;
    private final Map<String, int[]> countsByCell = new HashMap<>();

    SplitAssigner(SplitPlan plan) {
        this.names = plan.names();
        this.shares = names.stream().mapToDouble(plan::share).toArray();
    }

    String assign(LegalSample sample) {
        int[] counts = countsByCell.computeIfAbsent(
                sample.practiceArea() + '\0' + sample.difficulty(), cell -> new int[names.size()]);
        int seen = 0;
        for (int count : counts) {
            seen += count;
        }
        int split = preferred(position(sample.id()));
        if (!keepsEverySplitWithinOne(counts, seen + 1, split)) {
            split = furthestBehind(counts, seen + 1);
        }
        counts[split]++;
        return names.get(split);
    }

    private int preferred(double position) {
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (position < cumulative) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private boolean keepsEverySplitWithinOne(int[] counts, int total, int chosen) {
        for (int i = 0; i < counts.length; i++) {
            double after = counts[i] + (i == chosen ? 1 : 0);
            if (Math.abs(after - total * shares[i]) >= 1) {
                return false;
            }
        }
        return true;
    }

    private int furthestBehind(int[] counts, int total) {
        int behind = 0;
        for (int i = 1; i < counts.length; i++) {
            if (total * shares[i] - counts[i] > total * shares[behind] - counts[behind]) {
                behind = i;
            }
        }
        return behind;
    }

    /** The id's place in [0, 1), the same in every JVM. */
    static double position(String id) {
        return (StableHash.of(id) >>> 11) * 0x1.0p-53;
    }
}
