package dev.legalgen.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a job generates: {@code targetCount} slots spread evenly over the selected area × topic × difficulty
 * combinations. Slot {@code s} is the combination at {@code s mod combinationCount()} of a fixed
 * {@link PlanCycle}, so each combination gets floor or ceil of targetCount / combinationCount, the same slot
 * always means the same request, and memory depends on the catalog, not on targetCount.
 */
public final class GenerationPlan {

    private final List<PracticeArea> practiceAreas;
    private final List<Difficulty> difficulties;
    private final List<Combination> cycle;
    private final int targetCount;
    private final String fingerprint;

    private GenerationPlan(List<PracticeArea> practiceAreas, List<Difficulty> difficulties, int targetCount) {
        this.practiceAreas = practiceAreas;
        this.difficulties = difficulties;
        this.cycle = List.copyOf(PlanCycle.of(practiceAreas, difficulties));
        this.targetCount = targetCount;
        this.fingerprint = digest(cycle, targetCount);
    }

    /**
     * Builds a plan of {@code targetCount} (1 or more) slots; empty {@code practiceAreas} means the whole
     * catalog and empty {@code difficulties} all three. Names match ignoring case; their order in the lists
     * does not matter.
     *
     * @throws PlanException naming the selection, the bad value and the allowed values
     */
    public static GenerationPlan of(
            Catalog catalog, List<String> practiceAreas, List<String> difficulties, int targetCount) {
        if (targetCount < 1) {
            throw new IllegalArgumentException("a plan has at least one slot, was asked for " + targetCount);
        }
        List<PracticeArea> areas = PlanSelection.practiceAreas(catalog, practiceAreas);
        List<Difficulty> levels = PlanSelection.difficulties(difficulties);
        return new GenerationPlan(areas, levels, targetCount);
    }

    /** The request for a 0-based slot below {@link #targetCount()}. */
    public GenerationRequest request(int slot) {
        if (slot < 0 || slot >= targetCount) {
            throw new IndexOutOfBoundsException("slot " + slot + " is outside the plan's 0.." + (targetCount - 1));
        }
        Combination combination = cycle.get(slot % cycle.size());
        return new GenerationRequest(
                slot,
                combination.practiceArea(),
                combination.topic(),
                combination.difficulty().label());
    }

    public int targetCount() {
        return targetCount;
    }

    /** Number of distinct area × topic × difficulty combinations the slots are spread over. */
    public int combinationCount() {
        return cycle.size();
    }

    public List<PracticeArea> practiceAreas() {
        return practiceAreas;
    }

    public List<Difficulty> difficulties() {
        return difficulties;
    }

    /**
     * Hex SHA-256 of the ordered combinations and targetCount. Equal fingerprints mean every slot maps to
     * the same request, so a restart can refuse to continue when the catalog changed underneath it.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static String digest(List<Combination> cycle, int targetCount) {
        MessageDigest sha256 = sha256();
        sha256.update(("targetCount=" + targetCount + "\n").getBytes(StandardCharsets.UTF_8));
        for (Combination combination : cycle) {
            String line = combination.practiceArea() + "\t" + combination.topic() + "\t"
                    + combination.difficulty().label() + "\n";
            sha256.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
