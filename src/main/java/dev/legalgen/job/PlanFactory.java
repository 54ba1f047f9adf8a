package dev.legalgen.job;

import dev.legalgen.catalog.Catalog;
import dev.legalgen.catalog.CatalogException;
import dev.legalgen.catalog.GenerationPlan;
import dev.legalgen.catalog.PlanException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Builds the generation plan a set of job parameters describes. */
@Component
public class PlanFactory {

    /** @throws UsageException naming the parameter when the catalog or the selection is wrong */
    public GenerationPlan plan(DatasetParameters params) {
        Catalog catalog;
        try {
            catalog = DatasetParameters.BUILT_IN_CATALOG.equals(params.catalog())
                    ? Catalog.builtIn()
                    : Catalog.load(Path.of(params.catalog()));
        } catch (CatalogException e) {
            throw UsageException.of(DatasetParameters.CATALOG, null, e.getMessage(), e);
        }
        try {
            return GenerationPlan.of(catalog, params.practiceAreas(), params.difficulties(), params.targetCount());
        } catch (PlanException e) {
            String parameter = switch (e.subject()) {
                case PRACTICE_AREAS -> DatasetParameters.PRACTICE_AREAS;
                case DIFFICULTIES -> DatasetParameters.DIFFICULTIES;
            };
            throw UsageException.of(parameter, null, e.getMessage(), e);
        }
    }
}
