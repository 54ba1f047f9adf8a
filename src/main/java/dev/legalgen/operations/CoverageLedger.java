package dev.legalgen.operations;

import dev.legalgen.catalog.GenerationPlan;
import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.job.DatasetParameters;
import dev.legalgen.job.PlanFactory;
import dev.legalgen.store.EventStore;
import dev.legalgen.store.SampleStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Per practice area × topic × difficulty of an instance's plan: the slots planned, the samples committed, and the
 * slots still missing by the category of their last skip, so that a skipped slot is never silently lost.
 */
@Component
public class CoverageLedger {

    private final PlanFactory plans;
    private final SampleStore samples;
    private final EventStore events;

    public CoverageLedger(PlanFactory plans, SampleStore samples, EventStore events) {
        this.plans = plans;
        this.samples = samples;
        this.events = events;
    }

    /** One cell of the plan; {@code missing} maps the category of each missing slot's last skip to a count. */
    public record Cell(
            String practiceArea,
            String topic,
            String difficulty,
            int planned,
            long committed,
            Map<String, Integer> missing) {

        public boolean complete() {
            return committed >= planned;
        }
    }

    /** The cells in plan order (the order of their first slot). */
    public List<Cell> of(JobExecution execution) {
        long instance = execution.getJobInstance().getInstanceId();
        GenerationPlan plan = plans.plan(DatasetParameters.from(execution.getJobParameters()));
        Map<String, Long> committed = samples.countsByCell(instance);
        Map<Integer, String> lastSkips = events.lastSkipCategoryBySlot(instance);
        Map<String, CellBuilder> cells = new LinkedHashMap<>();
        for (int slot = 0; slot < plan.targetCount(); slot++) {
            GenerationRequest request = plan.request(slot);
            String key = SampleStore.cellKey(request.practiceArea(), request.topicLabel(), request.difficulty());
            cells.computeIfAbsent(key, k -> new CellBuilder(request)).planned++;
        }
        for (int slot : samples.missingSlots(instance, plan.targetCount())) {
            GenerationRequest request = plan.request(slot);
            String key = SampleStore.cellKey(request.practiceArea(), request.topicLabel(), request.difficulty());
            cells.get(key).missing.merge(lastSkips.getOrDefault(slot, "not generated yet"), 1, Integer::sum);
        }
        List<Cell> result = new ArrayList<>();
        cells.forEach((key, cell) -> result.add(cell.build(committed.getOrDefault(key, 0L))));
        return result;
    }

    private static final class CellBuilder {
        private final GenerationRequest first;
        private final Map<String, Integer> missing = new TreeMap<>();
        private int planned;

        private CellBuilder(GenerationRequest first) {
            this.first = first;
        }

        private Cell build(long committed) {
            return new Cell(
                    first.practiceArea(), first.topic(), first.difficulty(), planned, committed, Map.copyOf(missing));
        }
    }
}
