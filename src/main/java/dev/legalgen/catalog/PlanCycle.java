package dev.legalgen.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of one cycle of a plan: every area × topic × difficulty exactly once, arranged so that any
 * prefix is as balanced as possible over areas first and difficulties second.
 *
 * <p>The cycle is dealt in rounds. Round {@code r} takes the {@code r}-th combination of every area that
 * still has one, in catalog order, so areas stay level until the smallest runs out (areas with more topics
 * then finish their extra combinations round-robin among themselves). Within an area the {@code r}-th
 * combination is {@link #cell} of {@code r}: topic and difficulty both advance every round. The difficulty
 * index is then scaled and shifted ({@code d * stride + areaIndex}, a bijection since the stride is coprime to
 * the number of difficulties) so that, read slot by slot, difficulties also take turns across areas and rounds.
 */
final class PlanCycle {

    private PlanCycle() {}

    static List<Combination> of(List<PracticeArea> areas, List<Difficulty> difficulties) {
        int rounds = areas.stream()
                .mapToInt(area -> area.topics().size() * difficulties.size())
                .max()
                .orElse(0);
        int stride = difficultyStride(areas.size(), difficulties.size());
        List<Combination> cycle = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int index = 0; index < areas.size(); index++) {
                PracticeArea area = areas.get(index);
                int cells = area.topics().size() * difficulties.size();
                if (round < cells) {
                    Cell cell = cell(round, area.topics().size(), difficulties.size());
                    Difficulty difficulty =
                            difficulties.get((cell.difficulty() * stride + index) % difficulties.size());
                    cycle.add(new Combination(area.name(), area.topics().get(cell.topic()), difficulty));
                }
            }
        }
        return cycle;
    }

    /**
     * Maps {@code j} in {@code [0, topics × difficulties)} one-to-one onto a (topic, difficulty) pair with
     * both indexes advancing at every step. Plain {@code (j mod topics, j mod difficulties)} repeats after
     * lcm(topics, difficulties) steps when the counts share a factor (6 topics × 3 difficulties), so each
     * later block of lcm steps shifts the topic by one more; block {@code b} yields exactly the pairs whose
     * indexes differ by {@code b} modulo the gcd, so the blocks together cover every pair once.
     */
    static Cell cell(int j, int topics, int difficulties) {
        int lcm = topics / gcd(topics, difficulties) * difficulties;
        return new Cell((j + j / lcm) % topics, j % difficulties);
    }

    /** Indexes into an area's topics and the plan's difficulties. */
    record Cell(int topic, int difficulty) {}

    /**
     * While all areas take part, slot {@code round * areas + index} gets difficulty
     * {@code round * stride + index}; a stride congruent to the area count continues each round where the
     * last one stopped, so every prefix is level over difficulties. When that is not coprime to the number
     * of difficulties (12 areas, 3 levels) every full round is level by itself and a stride of 1 serves.
     */
    static int difficultyStride(int areas, int difficulties) {
        int rest = areas % difficulties;
        return gcd(rest, difficulties) == 1 ? rest : 1;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
