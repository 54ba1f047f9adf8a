package dev.legalgen.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

/**
 * Records, while settings records are bound, every property the binder looks for (the known names, with their
 * types) and every value that fails; a failed value is replaced by the default so that binding goes on and
 * reports the next problem too.
 */
final class BindingRecorder extends AbstractBindHandler {

    /** One value that could not be bound. */
    record Failure(ConfigurationPropertyName name, Bindable<?> target, Exception error) {}

    private final Map<ConfigurationPropertyName, ResolvableType> known = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();

    @Override
    public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
        known.putIfAbsent(name, target.getType());
        return target;
    }

    @Override
    public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error)
            throws Exception {
        if (error instanceof BindException) {
            throw error; // already recorded where it happened, deeper down
        }
        failures.add(new Failure(name, target, error));
        return null;
    }

    /** Every property name the binder looked for, with the type it binds to. */
    Map<ConfigurationPropertyName, ResolvableType> known() {
        return known;
    }

    /**
     * The failures, once per property (a map entry given in several sources is bound once for each), without those
     * of a record whose own values failed (its construction failed because of them).
     */
    List<Failure> failures() {
        Map<ConfigurationPropertyName, Failure> byName = new LinkedHashMap<>();
        failures.forEach(failure -> byName.putIfAbsent(failure.name(), failure));
        return byName.values().stream()
                .filter(failure ->
                        failures.stream().noneMatch(other -> failure.name().isAncestorOf(other.name())))
                .toList();
    }
}
