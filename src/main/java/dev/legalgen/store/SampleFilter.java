package dev.legalgen.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stored samples to list: each non-null field must match ({@code topic} either the whole label,
 * {@code Contract Law - Formation}, or the part after the area, {@code Formation}); all null lists them all.
 */
public record SampleFilter(
        Long jobInstanceId,
        String practiceArea,
        String topic,
        String difficulty,
        String provider,
        String model,
        String citationCheck) {

    public static final SampleFilter ALL = new SampleFilter(null, null, null, null, null, null, null);

    /** The SQL condition ({@code TRUE} for none) and its arguments, in order. */
    record Where(String sql, List<Object> args) {}

    Where where() {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        equal(conditions, args, "job_instance_id", jobInstanceId);
        equal(conditions, args, "practice_area", practiceArea);
        if (topic != null) {
            conditions.add("(topic = ? OR topic = practice_area || ' - ' || ?)");
            args.add(topic);
            args.add(topic);
        }
        equal(conditions, args, "difficulty", difficulty);
        equal(conditions, args, "provider", provider);
        equal(conditions, args, "model", model);
        equal(conditions, args, "citation_check", citationCheck);
        return new Where(conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions), args);
    }

    private static void equal(List<String> conditions, List<Object> args, String column, Object value) {
        if (value != null) {
            conditions.add(column + " = ?");
            args.add(value);
        }
    }
}
