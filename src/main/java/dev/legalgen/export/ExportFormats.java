package dev.legalgen.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The formats there are, by name, and the choice of some of them ({@code all} for every one). */
@Component
public class ExportFormats {

    /** The names of the shipped formats, in the order the card lists them. */
    static final List<String> NAMES = List.of("native", "openai-chat", "alpaca", "sharegpt");

    public static final String ALL = "all";

    private final Map<String, ExportFormat> byName;

    public ExportFormats(List<ExportFormat> formats) {
        this.byName = formats.stream().collect(Collectors.toMap(ExportFormat::name, Function.identity()));
    }

    static String choices() {
        return String.join(", ", NAMES) + " or " + ALL;
    }

    /**
     * The formats named, in the card's order, each once; {@code all} means every one.
     *
     * @throws IllegalArgumentException naming the unknown format and the choices
     */
    public List<ExportFormat> select(List<String> names) {
        List<ExportFormat> chosen = new ArrayList<>();
        for (String name : NAMES) {
            if (names.contains(name) || names.contains(ALL)) {
                chosen.add(byName.get(name));
            }
        }
        for (String name : names) {
            if (!NAMES.contains(name) && !name.equals(ALL)) {
                throw new IllegalArgumentException("'" + name + "' is not an export format; use " + choices());
            }
        }
        return chosen;
    }
}
