package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.LegalgenProcess;
import dev.legalgen.testsupport.LegalgenProcess.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on the default embedded H2 database, and a second terminal: H2 lets one process open the file (README,
 * design notes, on why not its mixed mode), so the second command says in one line which process has it and how to
 * watch and stop it, and the run is not disturbed.
 */
class EmbeddedDatabaseProcessTests {

    @TempDir
    Path workDir;

    @Test
    void aSecondCommandBesideARunningJobSaysInOneLineWhichProcessToWatchOrStop() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().withApiKey("key"))) {
            // given a run held back by its provider's pace (a request every 2 s)
            LegalgenProcess running = LegalgenProcess.start(
                    workDir,
                    List.of(
                            "start",
                            "targetCount=50",
                            "chain=ext",
                            "--legalgen.providers.ext.base-url=" + provider.baseUrl(),
                            "--legalgen.providers.ext.api-key=key",
                            "--legalgen.providers.ext.models=legal-sim-large",
                            "--legalgen.providers.ext.requests-per-minute=30"));
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.requestCount() >= 1);

            // when another terminal asks for its status
            Result status = run("status", "last");

            // then one line names the running process and how to stop it
            assertThat(status.exitCode()).as(status.output()).isEqualTo(4);
            assertThat(status.output().lines()).hasSize(1);
            assertThat(status.output())
                    .contains("pid " + running.pid())
                    .contains("kill -TERM " + running.pid())
                    .contains("PostgreSQL");

            // and the run goes on until it is stopped as the line says
            running.terminate();
            assertThat(running.await(Duration.ofSeconds(40)).exitCode()).isEqualTo(143);
            assertThat(run("status", "last").output()).contains("STOPPED");
        }
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return LegalgenProcess.run(workDir, List.of(args));
    }
}
