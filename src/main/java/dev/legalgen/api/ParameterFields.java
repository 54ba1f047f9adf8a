package dev.legalgen.api;

import dev.legalgen.job.DatasetParameters;
import dev.legalgen.job.UsageException;
import java.util.Map;

/** The body field of {@code POST /api/generate/batch/start} that a job parameter's problem is about. */
final class ParameterFields {

    private static final Map<String, String> FIELDS = Map.of(
            DatasetParameters.TARGET_COUNT, "target_count",
            DatasetParameters.PRACTICE_AREAS, "practice_areas",
            DatasetParameters.DIFFICULTIES, "difficulties",
            DatasetParameters.DATASET, "dataset",
            DatasetParameters.CHAIN, "provider",
            DatasetParameters.RUN_ID, "run_id",
            DatasetParameters.OUTPUT, "output");

    private ParameterFields() {}

    /** The body field at fault, or null when the problem names none. */
    static String field(UsageException e) {
        if (DatasetParameters.CHAIN.equals(e.parameter()) && UsageException.MODEL.equals(e.part())) {
            return "model"; // a chain entry that pins a model the provider lacks
        }
        return e.parameter() == null ? null : FIELDS.get(e.parameter());
    }

    /** The problem, led by the body field instead of the job parameter. */
    static String message(UsageException e) {
        String field = field(e);
        return field == null ? e.getMessage() : field + ": " + e.problem();
    }
}
