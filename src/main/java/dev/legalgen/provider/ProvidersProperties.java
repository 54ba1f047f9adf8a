package dev.legalgen.provider;

import dev.legalgen.config.SettingsProblems;
import java.util.LinkedHashMap;
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
        SettingsProblems problems = new SettingsProblems();
        for (Map.Entry<String, ProviderSettings> entry : providers.entrySet()) {
            String path = "legalgen.providers." + entry.getKey();
            if (!NAME.matcher(entry.getKey()).matches()) {
                problems.add(path + ": provider names are lower-case letters, digits and '-'");
            }
            if (entry.getValue() == null) {
                problems.add(path + " has no settings");
            } else {
                entry.getValue().problems(path).forEach(problems::add);
            }
        }
        problems.throwIfAny();
    }
}
