package dev.legalgen.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.legalgen.LegalDatasetApplication;
import dev.legalgen.config.ConfigurationCheck;
import dev.legalgen.config.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

class DuplicateSettingsTests {

    @Test
    void theThresholdIsSevenTenthsUnlessConfigured() {
        assertThat(bind(Map.of()).nearDuplicateThreshold()).isEqualTo(0.7);
        assertThat(bind(Map.of("legalgen.quality.near-duplicate-threshold", "0.85"))
                        .nearDuplicateThreshold())
                .isEqualTo(0.85);
    }

    @Test
    void aThresholdOfOneIsAllowed() {
        assertThat(new DuplicateSettings(1).nearDuplicateThreshold()).isEqualTo(1);
    }

    @Test
    void aThresholdOutsideZeroToOneIsOneLineNamingTheProperty() {
        for (String bad : new String[] {"0", "1.5", "-0.2", "NaN"}) {
            assertThatThrownBy(() -> check(Map.of("legalgen.quality.near-duplicate-threshold", bad)))
                    .isInstanceOfSatisfying(
                            InvalidConfigurationException.class,
                            e -> assertThat(e.problems())
                                    .containsExactly(
                                            "legalgen.quality.near-duplicate-threshold must be more than 0 and at"
                                                    + " most 1 (0.7: questions sharing 70% of their word 3-grams are near-duplicates),"
                                                    + " was " + Double.parseDouble(bad)));
        }
    }

    @Test
    void aMisspeltThresholdIsAnUnknownPropertyWithTheRightName() {
        assertThatThrownBy(() -> check(Map.of("legalgen.quality.near-duplicate-treshold", "0.8")))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "legalgen.quality.near-duplicate-treshold: unknown property; did you mean"
                                                + " legalgen.quality.near-duplicate-threshold?"));
    }

    private static DuplicateSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("legalgen.quality", DuplicateSettings.class);
    }

    /** The configuration check every command runs before its context starts. */
    private static void check(Map<String, Object> properties) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            // the test JVM's own (legalgen.test.postgres.url, ...) are not what is tested
            sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
            sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            sources.addFirst(new MapPropertySource("commandLineArgs", properties));
            new ConfigurationCheck(LegalDatasetApplication.class).initialize(context);
        }
    }
}
