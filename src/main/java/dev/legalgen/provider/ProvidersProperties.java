package dev.legalgen.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The OpenAI-compatible providers, {@code legalgen.providers.<name>}; validated when bound. */
@ConfigurationProperties("legalgen")
public record ProvidersProperties(Map<String, ProviderSettings> providers) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public ProvidersProperties {
        providers =
                providers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providers));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ProviderSettings> entry : providers.entrySet()) {
            String path = "legalgen.providers." + entry.getKey();
            if (!NAME.matcher(entry.getKey()).matches()) {
                problems.add(path + ": provider names are lower-case letters, digits and '-'");
            }
            if (entry.getValue() == null) {
                problems.add(path + " has no settings");
            } else {
                problems.addAll(entry.getValue().problems(path));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid provider configuration: " + String.join("; ", problems));
        }
    }
}
