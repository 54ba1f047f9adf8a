package dev.legalgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotRangeTests {

    @ParameterizedTest
    @CsvSource({"100,4", "10,3", "7,7", "1,1", "1000000,13", "5,1"})
    void splitCoversEverySlotOnceInContiguousNearEqualRanges(int targetCount, int partitions) {
        // when
        List<SlotRange> ranges = SlotRange.split(targetCount, partitions);

        // then
        assertThat(ranges).hasSize(partitions);
        assertThat(ranges.get(0).from()).isZero();
        assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(targetCount);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).to());
        }
        int min = ranges.stream().mapToInt(SlotRange::size).min().orElseThrow();
        int max = ranges.stream().mapToInt(SlotRange::size).max().orElseThrow();
        assertThat(min).isPositive();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Test
    void fewerSlotsThanPartitionsGiveOneSlotPerRange() {
        assertThat(SlotRange.split(3, 8))
                .containsExactly(new SlotRange(0, 1), new SlotRange(1, 2), new SlotRange(2, 3));
        assertThat(SlotRange.split(0, 8)).isEmpty();
    }

    @Test
    void splitOfTenIntoThreePutsTheLargerRangeFirst() {
        assertThat(SlotRange.split(10, 3))
                .containsExactly(new SlotRange(0, 4), new SlotRange(4, 7), new SlotRange(7, 10));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> SlotRange.split(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlotRange(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
