package dev.legalgen.api;

import dev.legalgen.job.DatasetParameters;
import java.util.Map;

/**
 * The job's validation messages start with the job parameter they are about ({@code targetCount: ...});
 * the API names its own body fields instead, so that a 400 says which field to fix.
 */
final class ParameterFields {

    private static final Map<String, String> FIELDS = Map.of(
            DatasetParameters.TARGET_COUNT, "target_count",
            DatasetParameters.PRACTICE_AREAS, "practice_areas",
            DatasetParameters.DIFFICULTIES, "difficulties",
            DatasetParameters.DATASET, "dataset",
            DatasetParameters.CHAIN, "provider");

    private ParameterFields() {}

    /** The body field a job-parameter message is about, or null when it names none. */
    static String field(String message) {
        int colon = message.indexOf(':');
        String field = colon < 0 ? null : FIELDS.get(message.substring(0, colon));
        // a chain entry that pins a model the provider lacks is the model field's fault
        return "provider".equals(field) && message.contains(" has no model ") ? "model" : field;
    }

    /** The message with its leading job parameter renamed to the body field. */
    static String rename(String message) {
        String field = field(message);
        return field == null ? message : field + message.substring(message.indexOf(':'));
    }
}
