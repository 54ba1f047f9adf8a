package dev.legalgen.api;

import dev.legalgen.operations.CoverageLedger;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code GET /api/generate/batch/coverage}: one cell of the plan; {@code missing} counts slots by last skip. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record CoverageCell(
        String practiceArea,
        String topic,
        String difficulty,
        int planned,
        long committed,
        Map<String, Integer> missing) {

    static CoverageCell of(CoverageLedger.Cell cell) {
        return new CoverageCell(
                cell.practiceArea(), cell.topic(), cell.difficulty(), cell.planned(), cell.committed(), cell.missing());
    }
}
