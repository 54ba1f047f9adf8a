package dev.legalgen.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Binds every {@code @ConfigurationProperties} record of the application before its context starts, and looks
 * for properties under their prefixes that none binds, so that all configuration mistakes are reported at once,
 * one line each, instead of Spring's report of the first one.
 */
public final class ConfigurationCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final String applicationPackage;

    /** Checks the settings records found in {@code application}'s package and below. */
    public ConfigurationCheck(Class<?> application) {
        this.applicationPackage = application.getPackageName();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        List<String> problems = problems(context.getEnvironment());
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    List<String> problems(ConfigurableEnvironment environment) {
        BindingRecorder recorder = new BindingRecorder();
        Binder binder = Binder.get(environment);
        Set<ConfigurationPropertyName> roots = new LinkedHashSet<>();
        for (SettingsRecord settings : settingsRecords()) {
            roots.add(settings.prefix().chop(1));
            try {
                binder.bindOrCreate(settings.prefix(), Bindable.of(settings.type()), recorder);
            } catch (BindException e) {
                // the recorder has the failures
            }
        }
        List<String> problems = new ArrayList<>();
        recorder.failures().forEach(failure -> problems.addAll(FailureLines.of(failure)));
        problems.addAll(new UnknownProperties(recorder.known(), applicationPackage)
                .in(ConfigurationPropertySources.get(environment), roots));
        problems.addAll(SpringProperties.problems(environment));
        return problems;
    }

    private record SettingsRecord(ConfigurationPropertyName prefix, Class<?> type) {}

    private List<SettingsRecord> settingsRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<SettingsRecord> records = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(applicationPackage)) {
            Class<?> type = ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), getClass().getClassLoader());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            records.add(new SettingsRecord(ConfigurationPropertyName.of(prefix), type));
        }
        return records;
    }
}
