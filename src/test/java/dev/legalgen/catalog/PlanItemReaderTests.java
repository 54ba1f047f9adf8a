package dev.legalgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class PlanItemReaderTests {

    private final GenerationPlan plan = GenerationPlan.of(Catalog.builtIn(), List.of(), List.of(), 100);

    @Test
    void readsItsSlotRangeInOrderThenEnds() throws Exception {
        // given
        PlanItemReader reader = new PlanItemReader(plan, 20, 25);
        reader.open(new ExecutionContext());

        // when
        List<GenerationRequest> read = readAll(reader);

        // then
        assertThat(read).extracting(GenerationRequest::slot).containsExactly(20, 21, 22, 23, 24);
        assertThat(read.get(0)).isEqualTo(plan.request(20));
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void restartContinuesAtTheSlotAfterTheLastSavedOne() throws Exception {
        // given: a first run that read 4 items, saved its state and stopped
        ExecutionContext context = new ExecutionContext();
        PlanItemReader first = new PlanItemReader(plan, 10, 30);
        first.open(context);
        for (int i = 0; i < 4; i++) {
            first.read();
        }
        first.update(context);
        first.close();

        // when: a new reader opens with the saved context
        PlanItemReader second = new PlanItemReader(plan, 10, 30);
        second.open(context);
        List<GenerationRequest> rest = readAll(second);
        second.close();

        // then
        assertThat(context.getInt("planReader.read.count")).isEqualTo(4);
        assertThat(rest).extracting(GenerationRequest::slot).first().isEqualTo(14);
        assertThat(rest).hasSize(16).last().extracting(GenerationRequest::slot).isEqualTo(29);
    }

    @Test
    void restartAfterTheWholeRangeWasReadReadsNothing() throws Exception {
        // given
        ExecutionContext context = new ExecutionContext();
        PlanItemReader first = new PlanItemReader(plan, 0, 3);
        first.open(context);
        readAll(first);
        first.update(context);
        first.close();

        // when
        PlanItemReader second = new PlanItemReader(plan, 0, 3);
        second.open(context);

        // then
        assertThat(second.read()).isNull();
    }

    @Test
    void emptyRangeReadsNothing() throws Exception {
        // given
        PlanItemReader reader = new PlanItemReader(plan, 100, 100);
        reader.open(new ExecutionContext());

        // when / then
        assertThat(reader.read()).isNull();
    }

    @Test
    void restartWithAChangedPlanIsRefused() throws Exception {
        // given
        ExecutionContext context = new ExecutionContext();
        PlanItemReader first = new PlanItemReader(plan, 0, 50);
        first.open(context);
        first.read();
        first.update(context);
        first.close();
        GenerationPlan changed = GenerationPlan.of(Catalog.builtIn(), List.of("Evidence"), List.of(), 100);

        // when / then
        assertThatThrownBy(() -> new PlanItemReader(changed, 0, 50).open(context))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("plan changed");
    }

    @Test
    void rangeOutsideThePlanIsRejected() {
        assertThatThrownBy(() -> new PlanItemReader(plan, 90, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanItemReader(plan, 5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<GenerationRequest> readAll(PlanItemReader reader) throws Exception {
        List<GenerationRequest> items = new ArrayList<>();
        for (GenerationRequest item = reader.read(); item != null; item = reader.read()) {
            items.add(item);
        }
        return items;
    }
}
