package dev.legalgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenerationPlanTests {

    private static final List<String> TWELVE_AREAS = List.of(
            "Contract Law",
            "Tort Law",
            "Criminal Law",
            "Constitutional Law",
            "Employment Law",
            "Property Law",
            "Civil Procedure",
            "Evidence",
            "Family Law",
            "Corporate Law",
            "Intellectual Property",
            "Administrative Law");

    /** Topic counts 6, 7, 10, 1 and 4: shared and coprime factors with 3 and 2 difficulties. */
    private static final Catalog UNEVEN =
            new Catalog(List.of(area("Six", 6), area("Seven", 7), area("Ten", 10), area("One", 1), area("Four", 4)));

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 17, 100, 359, 360, 361, 1_000, 12_345})
    void everyCombinationGetsFloorOrCeilOfItsShareOverTheWholePlan(int targetCount) {
        for (GenerationPlan plan : List.of(
                GenerationPlan.of(Catalog.builtIn(), List.of(), List.of(), targetCount),
                GenerationPlan.of(UNEVEN, List.of(), List.of(), targetCount),
                GenerationPlan.of(UNEVEN, List.of("ten", "six"), List.of("advanced", "basic"), targetCount))) {
            // given
            Set<String> combinations = allCombinations(plan);
            int low = targetCount / combinations.size();

            // when
            Map<String, Integer> counts = count(plan, targetCount, this::combination);

            // then
            assertThat(plan.combinationCount()).isEqualTo(combinations.size());
            assertThat(combinations).containsAll(counts.keySet());
            for (String combination : combinations) {
                assertThat(counts.getOrDefault(combination, 0)).as(combination).isBetween(low, low + 1);
            }
        }
    }

    @Test
    void firstTwelveSlotsOfTwelveAreasCoverEachAreaOnceWithMixedDifficulties() {
        // given
        GenerationPlan plan = GenerationPlan.of(Catalog.builtIn(), TWELVE_AREAS, List.of(), 12);

        // when
        Map<String, Integer> areas = count(plan, 12, GenerationRequest::practiceArea);
        Map<String, Integer> difficulties = count(plan, 12, GenerationRequest::difficulty);

        // then
        assertThat(areas).hasSize(12).allSatisfy((area, n) -> assertThat(n).isEqualTo(1));
        assertThat(difficulties)
                .containsOnly(Map.entry("basic", 4), Map.entry("intermediate", 4), Map.entry("advanced", 4));
    }

    @Test
    void firstThirtySixSlotsOfTwelveAreasCoverEachAreaAndDifficultyOnce() {
        // given
        GenerationPlan plan = GenerationPlan.of(Catalog.builtIn(), TWELVE_AREAS, List.of(), 36);

        // when
        Map<String, Integer> pairs = count(plan, 36, request -> request.practiceArea() + "|" + request.difficulty());

        // then
        assertThat(pairs).hasSize(36).allSatisfy((pair, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void everyPrefixIsLevelOverAreasAndDifficultiesUntilTheSmallestAreaIsUsedUp() {
        for (GenerationPlan plan : List.of(
                GenerationPlan.of(Catalog.builtIn(), List.of(), List.of(), 100_000),
                GenerationPlan.of(Catalog.builtIn(), TWELVE_AREAS, List.of(), 100_000),
                GenerationPlan.of(Catalog.builtIn(), TWELVE_AREAS.subList(0, 7), List.of(), 100_000),
                GenerationPlan.of(UNEVEN, List.of(), List.of(), 100_000),
                GenerationPlan.of(UNEVEN, List.of("Six", "Seven", "Ten"), List.of("basic", "advanced"), 100_000))) {
            // given
            int areaCount = plan.practiceAreas().size();
            int smallest = plan.practiceAreas().stream()
                    .mapToInt(area -> area.topics().size())
                    .min()
                    .orElseThrow();
            int levelPrefix = smallest * plan.difficulties().size() * areaCount;
            Map<String, Integer> areas = new HashMap<>();
            Map<String, Integer> difficulties = new HashMap<>();

            for (int slot = 0; slot < levelPrefix; slot++) {
                // when
                GenerationRequest request = plan.request(slot);
                areas.merge(request.practiceArea(), 1, Integer::sum);
                difficulties.merge(request.difficulty(), 1, Integer::sum);

                // then
                assertThat(spread(areas.values(), areaCount))
                        .as("areas after %d", slot)
                        .isLessThanOrEqualTo(1);
                assertThat(spread(difficulties.values(), plan.difficulties().size()))
                        .as("difficulties after %d", slot)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void topicsRotateWithinEachArea() {
        // given
        GenerationPlan plan = GenerationPlan.of(UNEVEN, List.of(), List.of(), 200);
        Map<String, List<String>> topicsByArea = new HashMap<>();

        // when
        IntStream.range(0, 200)
                .mapToObj(plan::request)
                .forEach(request -> topicsByArea
                        .computeIfAbsent(request.practiceArea(), area -> new ArrayList<>())
                        .add(request.topic()));

        // then: an area's first n samples use n different topics, n being its topic count
        for (PracticeArea area : UNEVEN.practiceAreas()) {
            List<String> first =
                    topicsByArea.get(area.name()).subList(0, area.topics().size());
            assertThat(new HashSet<>(first))
                    .as(area.name())
                    .hasSize(area.topics().size());
        }
    }

    @Test
    void sameParametersGiveTheSameRequestsAndFingerprintWhateverTheListingOrder() {
        // given
        GenerationPlan first =
                GenerationPlan.of(Catalog.builtIn(), List.of("Tort Law", "Contract Law"), List.of(), 500);
        GenerationPlan second = GenerationPlan.of(
                Catalog.builtIn(),
                List.of("contract law", "TORT LAW"),
                List.of("advanced", "intermediate", "basic"),
                500);

        // when / then
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).matches("[0-9a-f]{64}");
        IntStream.range(0, 500).forEach(slot -> assertThat(second.request(slot)).isEqualTo(first.request(slot)));
        assertThat(first.request(0)).isEqualTo(new GenerationRequest(0, "Contract Law", "Formation", "basic"));
    }

    @Test
    void fingerprintChangesWithTheCatalogOrTheTargetCount() {
        // given
        Catalog renamed = new Catalog(List.of(
                area("Six", 6),
                area("Seven", 7),
                area("Ten", 10),
                area("One", 1),
                new PracticeArea("Four", List.of("t0", "t1", "t2", "renamed"))));
        String original = GenerationPlan.of(UNEVEN, List.of(), List.of(), 100).fingerprint();

        // when / then
        assertThat(GenerationPlan.of(renamed, List.of(), List.of(), 100).fingerprint())
                .isNotEqualTo(original);
        assertThat(GenerationPlan.of(UNEVEN, List.of(), List.of(), 101).fingerprint())
                .isNotEqualTo(original);
        assertThat(GenerationPlan.of(UNEVEN, List.of(), List.of("basic"), 100).fingerprint())
                .isNotEqualTo(original);
    }

    @Test
    void aMillionSlotsNeedOnlyTheCatalogSizedCycle() {
        // given
        GenerationPlan plan = GenerationPlan.of(Catalog.builtIn(), List.of(), List.of(), 1_000_000);

        // when
        GenerationRequest last = plan.request(999_999);

        // then
        assertThat(plan.targetCount()).isEqualTo(1_000_000);
        assertThat(plan.combinationCount()).isEqualTo(15 * 8 * 3);
        GenerationRequest sameCell = plan.request(999_999 % plan.combinationCount());
        assertThat(last)
                .isEqualTo(new GenerationRequest(
                        999_999, sameCell.practiceArea(), sameCell.topic(), sameCell.difficulty()));
        assertThatThrownBy(() -> plan.request(1_000_000)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void unknownPracticeAreaNamesTheSelectionTheValueAndTheKnownAreas() {
        assertThatThrownBy(() ->
                        GenerationPlan.of(Catalog.builtIn(), List.of("Contract Law", "Contrct Law"), List.of(), 10))
                .isInstanceOfSatisfying(
                        PlanException.class,
                        e -> assertThat(e.subject()).isEqualTo(PlanException.Subject.PRACTICE_AREAS))
                .hasMessageStartingWith("unknown practice area 'Contrct Law'; known: Contract Law, Tort Law, ");
    }

    @Test
    void duplicateOrBlankPracticeAreaIsRejected() {
        assertThatThrownBy(() -> GenerationPlan.of(Catalog.builtIn(), List.of("Evidence", "evidence"), List.of(), 10))
                .isInstanceOf(PlanException.class)
                .hasMessage("'evidence' is listed twice; list each practice area once");
        assertThatThrownBy(() -> GenerationPlan.of(Catalog.builtIn(), List.of("Evidence", " "), List.of(), 10))
                .isInstanceOf(PlanException.class)
                .hasMessageStartingWith("empty entry");
    }

    @Test
    void unknownDifficultyNamesTheAllowedValues() {
        assertThatThrownBy(() -> GenerationPlan.of(Catalog.builtIn(), List.of(), List.of("basic", "expert"), 10))
                .isInstanceOfSatisfying(
                        PlanException.class, e -> assertThat(e.subject()).isEqualTo(PlanException.Subject.DIFFICULTIES))
                .hasMessage("unknown difficulty 'expert'; allowed: basic, intermediate, advanced");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aPlanHasAtLeastOneSlot(int targetCount) {
        assertThatThrownBy(() -> GenerationPlan.of(Catalog.builtIn(), List.of(), List.of(), targetCount))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PracticeArea area(String name, int topics) {
        return new PracticeArea(
                name, IntStream.range(0, topics).mapToObj(i -> "t" + i).toList());
    }

    private String combination(GenerationRequest request) {
        return request.practiceArea() + "|" + request.topic() + "|" + request.difficulty();
    }

    private Set<String> allCombinations(GenerationPlan plan) {
        Set<String> all = new HashSet<>();
        for (PracticeArea area : plan.practiceAreas()) {
            for (String topic : area.topics()) {
                plan.difficulties()
                        .forEach(difficulty -> all.add(area.name() + "|" + topic + "|" + difficulty.label()));
            }
        }
        return all;
    }

    private static Map<String, Integer> count(GenerationPlan plan, int slots, Function<GenerationRequest, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        IntStream.range(0, slots)
                .mapToObj(plan::request)
                .forEach(request -> counts.merge(key.apply(request), 1, Integer::sum));
        return counts;
    }

    /** Max minus min count, treating values not seen yet as zero. */
    private static int spread(Collection<Integer> counts, int expectedKeys) {
        int min = counts.size() < expectedKeys ? 0 : Collections.min(counts);
        return Collections.max(counts) - min;
    }
}
