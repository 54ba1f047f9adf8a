package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One format of the trainer-ready layout: a JSON line per sample, and the line's fields as a Hugging Face card
 * declares them ({@code dataset_info.features}). A format is one class: a Spring bean of this type is a format.
 */
public interface ExportFormat {

    /** Its name on the command line, in {@code legalgen.export.formats} and as its directory. */
    String name();

    /** The line of one sample, as Jackson writes it. */
    Object line(LegalSample sample);

    /** The card's {@code features} of a line: {@code name} and {@code dtype}, or {@code list} of such. */
    List<Map<String, Object>> features();

    static Map<String, Object> string(String name) {
        return feature(name, "dtype", "string");
    }

    static Map<String, Object> int64(String name) {
        return feature(name, "dtype", "int64");
    }

    static Map<String, Object> float64(String name) {
        return feature(name, "dtype", "float64");
    }

    /** A list of objects with these string fields, as chat turns are. */
    static Map<String, Object> turns(String name, String... fields) {
        return feature(
                name, "list", List.of(fields).stream().map(ExportFormat::string).toList());
    }

    /** In the card's order: the name first. */
    private static Map<String, Object> feature(String name, String key, Object value) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("name", name);
        feature.put(key, value);
        return feature;
    }
}
