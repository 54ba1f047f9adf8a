package dev.legalgen.quality.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.legalgen.LegalDatasetApplication;
import dev.legalgen.config.ConfigurationCheck;
import dev.legalgen.config.InvalidConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** {@code legalgen.quality.*} as the application's configuration check sees it, from application.yml on. */
class CitationSettingsTests {

    @Test
    void theShippedConfigurationReasksAndLooksNothingUpWithoutAToken() throws IOException {
        // when
        CitationSettings settings =
                Binder.get(environment(Map.of())).bindOrCreate("legalgen.quality", CitationSettings.class);

        // then
        assertThat(settings.citations()).isEqualTo(CitationPolicy.REASK);
        assertThat(settings.courtListener().baseUrl()).isEqualTo(URI.create("https://www.courtlistener.com"));
        assertThat(settings.looksUp()).isFalse();
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void aTokenTurnsTheLookupOnUnlessCitationsAreNotChecked() throws IOException {
        Map<String, Object> token = Map.of("legalgen.quality.court-listener.token", "cl-secret-7f3a");

        assertThat(bind(token).looksUp()).isTrue();
        assertThat(bind(Map.of(
                                "legalgen.quality.court-listener.token",
                                "cl-secret-7f3a",
                                "legalgen.quality.citations",
                                "off"))
                        .looksUp())
                .isFalse();
    }

    @Test
    void theTokenIsNeverPrinted() throws IOException {
        CitationSettings settings = bind(Map.of("legalgen.quality.court-listener.token", "cl-secret-7f3a"));

        assertThat(settings.toString()).doesNotContain("cl-secret-7f3a").contains("token=****");
    }

    @Test
    void aMisspeltKeyIsRejectedWithTheOneItResembles() throws IOException {
        assertThat(problems(Map.of("legalgen.quality.court-listener.tokn", "x")))
                .containsExactly("legalgen.quality.court-listener.tokn: unknown property;"
                        + " did you mean legalgen.quality.court-listener.token?");
    }

    @Test
    void badValuesAreReportedOneLineEach() throws IOException {
        Map<String, Object> properties = Map.of(
                "legalgen.quality.citations", "sometimes",
                "legalgen.quality.court-listener.base-url", "ftp://courtlistener.example",
                "legalgen.quality.court-listener.timeout", "0s",
                "legalgen.quality.court-listener.max-wait", "-1s");

        assertThat(problems(properties))
                .containsExactlyInAnyOrder(
                        "legalgen.quality.citations: 'sometimes' is not one of reask, flag, off",
                        "legalgen.quality.court-listener.base-url must be an http(s) URL, was ftp://courtlistener.example",
                        "legalgen.quality.court-listener.timeout must be 100ms-300s, was PT0S",
                        "legalgen.quality.court-listener.max-wait must be 0s-60m, was PT-1S");
    }

    @Test
    void theCitationLookupEndpointIsUnderTheBaseUrl() {
        assertThat(new CitationSettings.CourtListener(
                                URI.create("http://127.0.0.1:8000/"), null, Duration.ofSeconds(1), Duration.ZERO)
                        .citationLookupUri())
                .isEqualTo(URI.create("http://127.0.0.1:8000/api/rest/v4/citation-lookup/"));
    }

    private static CitationSettings bind(Map<String, Object> properties) throws IOException {
        return Binder.get(environment(properties)).bindOrCreate("legalgen.quality", CitationSettings.class);
    }

    private static List<String> problems(Map<String, Object> properties) throws IOException {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(environment(properties));
        InvalidConfigurationException invalid = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> new ConfigurationCheck(LegalDatasetApplication.class).initialize(context));
        return invalid == null ? List.of() : invalid.problems();
    }

    private static StandardEnvironment environment(Map<String, Object> commandLine) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        // the test JVM's own variables and properties are not what is tested
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", commandLine));
        for (PropertySource<?> yaml :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(yaml);
        }
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
