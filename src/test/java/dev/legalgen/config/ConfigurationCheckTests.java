package dev.legalgen.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.LegalDatasetApplication;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The application's own settings records and application.yml, checked with properties as a user gives them. */
class ConfigurationCheckTests {

    @Test
    void theShippedConfigurationHasNoProblem() throws IOException {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void aMisspeltPropertyIsRejectedWithTheKnownNameItResembles() throws IOException {
        assertThat(problems(Map.of("legalgen.job.partitons", "4")))
                .containsExactly("legalgen.job.partitons: unknown property; did you mean legalgen.job.partitions?");
    }

    @Test
    void propertiesWithDefaultsOnlyAreKnownToo() throws IOException {
        // given properties that application.yml does not set: known from the records the binder fills
        Map<String, Object> properties = Map.of(
                "legalgen.job.retry-limit", "3",
                "legalgen.chain.breaker-cooldown", "10s",
                "legalgen.progress", "false",
                "legalgen.simulator.requests-per-minute", "60");

        assertThat(problems(properties)).isEmpty();
    }

    @Test
    void aNewProvidersPropertiesAndListElementsAreKnown() throws IOException {
        Map<String, Object> properties = Map.of(
                "legalgen.providers.local.base-url", "http://127.0.0.1:8000/v1",
                "legalgen.providers.local.api-key", "k",
                "legalgen.providers.local.models[0]", "llama",
                "legalgen.providers.groq.models[0]", "openai/gpt-oss-20b");

        assertThat(problems(properties)).isEmpty();
    }

    @Test
    void aMisspeltProviderPropertySuggestsTheRightOne() throws IOException {
        assertThat(problems(Map.of("legalgen.providers.groq.base-urll", "http://x")))
                .containsExactly(
                        "legalgen.providers.groq.base-urll: unknown property; did you mean legalgen.providers.groq.base-url?");
    }

    @Test
    void modelOptionsInBracketNotationAreKnownWhateverTheModelIdHolds() throws IOException {
        Map<String, Object> properties = Map.of(
                "legalgen.providers.groq.model-options[openai/gpt-oss-120b].structured-output", "json_object",
                "legalgen.providers.groq.model-options[openai/gpt-oss-20b].reasoning-effort", "medium",
                "legalgen.providers.cerebras.model-options[qwen-3.8-27b].max-completion-tokens", "2048");

        assertThat(problems(properties)).isEmpty();
    }

    @Test
    void aMisspeltModelOptionIsRejectedWithTheOptionItResembles() throws IOException {
        assertThat(problems(
                        Map.of("legalgen.providers.groq.model-options[openai/gpt-oss-120b].structured-outptu", "x")))
                .containsExactly("legalgen.providers.groq.model-options[openai/gpt-oss-120b].structured-outptu:"
                        + " unknown property; did you mean"
                        + " legalgen.providers.groq.model-options[openai/gpt-oss-120b].structured-output?");
    }

    @Test
    void aModelOptionValueOutsideItsChoicesNamesThem() throws IOException {
        assertThat(problems(Map.of(
                        "legalgen.providers.groq.model-options[openai/gpt-oss-120b].structured-output", "json_scheme",
                        "legalgen.providers.groq.model-options[openai/gpt-oss-120b].reasoning-effort", "max")))
                .containsExactlyInAnyOrder(
                        "legalgen.providers.groq.model-options[openai/gpt-oss-120b].structured-output: 'json_scheme'"
                                + " is not one of json_schema, json_object",
                        "legalgen.providers.groq.model-options[openai/gpt-oss-120b].reasoning-effort: 'max'"
                                + " is not one of none, default, low, medium, high");
    }

    @Test
    void aNameFarFromAnyKnownOneGetsNoSuggestion() throws IOException {
        assertThat(problems(Map.of("legalgen.colour-scheme", "dark")))
                .containsExactly("legalgen.colour-scheme: unknown property");
    }

    @Test
    void badValuesSayWhatWasExpectedOneLineEach() throws IOException {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("legalgen.chain.routing", "foo");
        properties.put("legalgen.job.skip-limit", "abc");
        properties.put("legalgen.chain.max-backoff", "soon");

        assertThat(problems(properties))
                .containsExactlyInAnyOrder(
                        "legalgen.chain.routing: 'foo' is not one of weighted, priority",
                        "legalgen.job.skip-limit: 'abc' is not a whole number",
                        "legalgen.chain.max-backoff: 'soon' is not a duration (a number and a unit: 500ms, 30s, 5m, 1h)");
    }

    @Test
    void everyRangeProblemOfARecordIsReported() throws IOException {
        assertThat(problems(Map.of("legalgen.job.partitions", "0", "legalgen.job.retry-limit", "11")))
                .containsExactlyInAnyOrder(
                        "legalgen.job.partitions must be 1-64, was 0", "legalgen.job.retry-limit must be 0-10, was 11");
    }

    @Test
    void aSecretsValueIsNeverShown() throws IOException {
        List<String> problems =
                problems(Map.of("legalgen.providers.groq.api-key", "", "legalgen.api.tokenn", "s3cr3t"));

        assertThat(String.join("\n", problems)).doesNotContain("s3cr3t").contains("legalgen.api.tokenn");
    }

    @Test
    void theLaunchersEnvironmentVariablesAreNotProperties() throws IOException {
        StandardEnvironment environment = environment(Map.of());
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "systemEnvironment", Map.of("LEGALGEN_HOME", "/opt/legalgen", "LEGALGEN_JOB_PARTITONS", "3")));

        assertThat(new ConfigurationCheck(LegalDatasetApplication.class).problems(environment))
                .containsExactly("legalgen.job.partitons: unknown property; did you mean legalgen.job.partitions?");
    }

    @Test
    void anUnsupportedDatabaseAndABadPortAreConfigurationProblems() throws IOException {
        assertThat(problems(Map.of("spring.datasource.url", "jdbc:nosuchdb://x?password=p", "server.port", "-5")))
                .containsExactlyInAnyOrder(
                        "spring.datasource.url: 'jdbc:nosuchdb:...' is not a database this job supports; use"
                                + " jdbc:h2:file:<path> (embedded) or jdbc:postgresql://<host>:<port>/<database>",
                        "server.port: '-5' is not a port; use 1-65535, or 0 to pick a free one");
    }

    @Test
    void remotePartitioningOnTheEmbeddedDatabaseIsAProblemAndOnPostgresqlIsNot() throws IOException {
        assertThat(problems(Map.of("legalgen.job.partitioning", "remote")))
                .singleElement()
                .asString()
                .startsWith("legalgen.job.partitioning=remote and the worker command need PostgreSQL");
        assertThat(problems(Map.of("legalgen.remote.worker", "true"))).hasSize(1);
        assertThat(problems(Map.of(
                        "legalgen.job.partitioning",
                        "REMOTE",
                        "spring.datasource.url",
                        "jdbc:postgresql://127.0.0.1:5432/legalgen")))
                .isEmpty();
        assertThat(problems(Map.of("legalgen.job.partitioning", "remotely")))
                .singleElement()
                .asString()
                .contains("legalgen.job.partitioning");
    }

    private static List<String> problems(Map<String, Object> commandLine) throws IOException {
        return new ConfigurationCheck(LegalDatasetApplication.class).problems(environment(commandLine));
    }

    private static StandardEnvironment environment(Map<String, Object> commandLine) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        // the test JVM's own (legalgen.test.postgres.url, ...) are not what is tested
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", commandLine));
        for (PropertySource<?> yaml :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(yaml);
        }
        return environment;
    }
}
