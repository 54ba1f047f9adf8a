package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.LegalgenProcess;
import dev.legalgen.testsupport.LegalgenProcess.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration mistakes as an operator makes them, through the packaged jar: exit 2, one line per problem naming
 * the property and the fix, nothing else printed, and nothing run (no database created, no provider called).
 */
class ConfigurationErrorProcessTests {

    @TempDir
    Path workDir;

    @Test
    void aMisspeltPropertyExits2WithTheNameItResemblesAndRunsNothing() throws Exception {
        Result result = run("start", "chain=simulator", "--legalgen.job.partitons=4");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output().lines())
                .containsExactly(
                        "legalgen: legalgen.job.partitons: unknown property; did you mean legalgen.job.partitions?");
        assertThat(workDir.resolve("data")).as("no database was created").doesNotExist();
    }

    @Test
    void badValuesAreOneLineEachWithTheAllowedValuesOrTheExpectedType() throws Exception {
        Result result = run("status", "--legalgen.chain.routing=foo", "--legalgen.job.partitions=abc");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output().lines())
                .containsExactlyInAnyOrder(
                        "legalgen: legalgen.chain.routing: 'foo' is not one of weighted, priority",
                        "legalgen: legalgen.job.partitions: 'abc' is not a whole number");
    }

    @Test
    void debugAddsTheStackTraceAfterTheLine() throws Exception {
        Result result = run("status", "--legalgen.chain.routing=foo", "--debug");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output().lines().findFirst())
                .hasValue("legalgen: legalgen.chain.routing: 'foo' is not one of weighted, priority");
        assertThat(result.output()).contains("InvalidConfigurationException").contains("\tat ");
    }

    @Test
    void anUnsupportedDatabaseUrlExits2InOneLine() throws Exception {
        Result result = run("start", "chain=simulator", "--spring.datasource.url=jdbc:nosuchdb://x");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output().lines()).hasSize(1);
        assertThat(result.output()).contains("spring.datasource.url").contains("jdbc:postgresql://");
    }

    @Test
    void serveRefusesAPortOutOfRangeAndNamesABusyOne() throws Exception {
        Result negative = run("serve", "--port=-5");
        assertThat(negative.exitCode()).as(negative.output()).isEqualTo(2);
        assertThat(negative.output().lines())
                .containsExactly("legalgen: --port: -5 is not a port; use 1-65535, or 0 to pick a free one");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result busy = run("serve", "--port=" + taken.getLocalPort());

            assertThat(busy.exitCode()).as(busy.output()).isEqualTo(2);
            assertThat(busy.output().lines())
                    .containsExactly("legalgen: port " + taken.getLocalPort() + " is in use by another process; choose"
                            + " another with --port N (or --server.port=N), or --port 0 to pick a free one");
        }
    }

    @Test
    void aCatalogChangedUnderAStoppedInstanceExits2OnTheRerunNamingTheFile() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey("key"))) {
            // given an instance on a catalog file, stopped while its calls wait for the provider's pace
            Path catalog =
                    Files.writeString(workDir.resolve("catalog.txt"), "Contract Law: Formation; Consideration\n");
            List<String> start = List.of(
                    "start",
                    "targetCount=20",
                    "catalog=" + catalog,
                    "chain=ext",
                    "--legalgen.providers.ext.base-url=" + provider.baseUrl(),
                    "--legalgen.providers.ext.api-key=key",
                    "--legalgen.providers.ext.models=legal-sim-large");
            LegalgenProcess running = LegalgenProcess.start(
                    workDir, List.of(with(start, "--legalgen.providers.ext.requests-per-minute=6")));
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.requestCount() >= 1);
            running.terminate();
            assertThat(running.await(Duration.ofSeconds(40)).exitCode()).isEqualTo(143);
            int requestsBefore = provider.requestCount();

            // when the catalog file is edited and the same command runs again
            Files.writeString(catalog, "Contract Law: Formation; Consideration; Remedies\n");
            Result rerun = run(start.toArray(String[]::new));

            // then it is refused before it runs, every time, as a configuration error naming the file
            assertThat(rerun.exitCode()).as(rerun.output()).isEqualTo(2);
            assertThat(rerun.output()).contains("the catalog file " + catalog).contains("start --next");
            assertThat(provider.requestCount()).isEqualTo(requestsBefore);
            assertThat(run(start.toArray(String[]::new)).exitCode()).isEqualTo(2);
        }
    }

    private static String[] with(List<String> args, String extra) {
        List<String> all = new ArrayList<>(args);
        all.add(extra);
        return all.toArray(String[]::new);
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return LegalgenProcess.run(workDir, List.of(args));
    }
}
