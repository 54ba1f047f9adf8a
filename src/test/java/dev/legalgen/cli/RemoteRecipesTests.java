package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files of remote partitioning (jobs/remote), checked without Docker or a cluster (neither runs
 * here): they parse, and what they run is the manager and the worker this build has, given time to stop.
 */
class RemoteRecipesTests {

    private static final Path RECIPES = Path.of("jobs", "remote");

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileRunsWorkersAndAManagerOnPostgresqlAndRabbitmq() throws IOException {
        Map<String, Object> compose = load(RECIPES.resolve("compose.yaml")).get(0);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsKeys("postgres", "rabbitmq", "worker", "manager");
        assertThat((List<String>) services.get("worker").get("command")).endsWith("worker");
        assertThat((List<String>) services.get("manager").get("command"))
                .contains("start", "--legalgen.job.partitioning=remote");
        for (String service : List.of("worker", "manager")) {
            Map<String, Object> environment =
                    (Map<String, Object>) services.get(service).get("environment");
            assertThat(environment)
                    .as(service)
                    .containsKeys("SPRING_DATASOURCE_URL", "SPRING_RABBITMQ_HOST")
                    .extractingByKey("SPRING_DATASOURCE_URL")
                    .asString()
                    .startsWith("jdbc:postgresql://");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesManifestsAreAWorkerDeploymentAndAManagerJobThatStopGracefully() throws IOException {
        List<Map<String, Object>> manifests = load(RECIPES.resolve("kubernetes.yaml"));

        assertThat(manifests).extracting(manifest -> manifest.get("kind")).containsExactly("Deployment", "Job");
        for (Map<String, Object> manifest : manifests) {
            Map<String, Object> pod = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) manifest.get("spec")).get("template")).get("spec");
            // legalgen.job.shutdown-timeout (60 s) and then some, for the chunks in flight to commit
            assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(75);
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            List<String> args = (List<String>) container.get("args");
            assertThat(args.get(0)).isEqualTo(manifest.get("kind").equals("Job") ? "start" : "worker");
            if (manifest.get("kind").equals("Job")) {
                assertThat(args).contains("--legalgen.job.partitioning=remote");
            }
            assertThat((List<Map<String, Object>>) container.get("env"))
                    .extracting(variable -> variable.get("name"))
                    .contains("SPRING_DATASOURCE_URL", "SPRING_RABBITMQ_HOST");
        }
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                documents.add(castToMap(document));
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castToMap(Object document) {
        return (Map<String, Object>) document;
    }
}
