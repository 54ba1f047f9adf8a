package dev.legalgen.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The properties under our roots that no settings record binds: misspelt names, which Spring would ignore. The known
 * names are those the binder looked for, so a property a settings record adds is known without a list to keep.
 */
final class UnknownProperties {

    /** Environment variables of the launcher (jobs/legalgen), as Spring reads them: they look like properties. */
    private static final Set<ConfigurationPropertyName> LAUNCHER_VARIABLES =
            Set.of(ConfigurationPropertyName.of("legalgen.home")); // LEGALGEN_HOME

    private final Map<ConfigurationPropertyName, ResolvableType> known;
    private final String settingsPackage;

    /** @param settingsPackage where settings records live: values of those types have properties of their own */
    UnknownProperties(Map<ConfigurationPropertyName, ResolvableType> known, String settingsPackage) {
        this.known = known;
        this.settingsPackage = settingsPackage;
    }

    /** One line per unknown property under {@code roots}, with the known name it most resembles. */
    List<String> in(Iterable<ConfigurationPropertySource> sources, Collection<ConfigurationPropertyName> roots) {
        Set<ConfigurationPropertyName> unknown = new LinkedHashSet<>();
        for (ConfigurationPropertySource source : sources) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream()
                        .filter(name -> roots.stream().anyMatch(root -> root.isAncestorOf(name)))
                        .filter(name -> !isKnown(name) && !isLauncherVariable(source, name))
                        .forEach(unknown::add);
            }
        }
        List<String> lines = new ArrayList<>();
        for (ConfigurationPropertyName name : unknown) {
            lines.add(name + ": unknown property"
                    + suggestion(name).map(s -> "; did you mean " + s + "?").orElse(""));
        }
        return lines;
    }

    private boolean isKnown(ConfigurationPropertyName name) {
        if (known.containsKey(name)) {
            return true;
        }
        // an element of a list or map of plain values (models[0], a map of strings): bound with its parent
        return known.entrySet().stream()
                .anyMatch(entry -> entry.getKey().isAncestorOf(name) && holdsPlainValues(entry.getValue()));
    }

    private boolean holdsPlainValues(ResolvableType type) {
        if (type.isArray() || type.asCollection() != ResolvableType.NONE) {
            return true;
        }
        return type.asMap() != ResolvableType.NONE && !isSettings(type.asMap().getGeneric(1));
    }

    /** A name that holds a value, not a settings record nor a map of them. */
    private boolean isLeaf(ResolvableType type) {
        return !isSettings(type) && (type.asMap() == ResolvableType.NONE || holdsPlainValues(type));
    }

    /** A type of ours with properties of its own; our enums are values (routing, structured-output). */
    private boolean isSettings(ResolvableType type) {
        Class<?> resolved = type.resolve();
        return resolved != null
                && !resolved.isEnum()
                && resolved.getPackageName().startsWith(settingsPackage);
    }

    private static boolean isLauncherVariable(ConfigurationPropertySource source, ConfigurationPropertyName name) {
        return source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource
                && LAUNCHER_VARIABLES.contains(name);
    }

    /** The known leaf name nearest by edit distance, when it is near enough to be a typo of it. */
    private Optional<String> suggestion(ConfigurationPropertyName name) {
        String typed = name.toString().toLowerCase(Locale.ROOT);
        return known.entrySet().stream()
                .filter(entry -> isLeaf(entry.getValue()))
                .map(entry -> entry.getKey().toString())
                .min(Comparator.comparingInt(candidate -> EditDistance.between(typed, candidate)))
                .filter(candidate -> EditDistance.between(typed, candidate) <= Math.max(2, typed.length() / 4));
    }
}
