package dev.legalgen.job;

import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.simulator.Dialect;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.SimulatedProviders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the whole-job tests over two simulated providers share: {@code alpha} (Groq's dialect, two models,
 * 20 ms answers) and {@code beta} (Cerebras' dialect, one model), each a simulator over real HTTP. The
 * simulators serve every such test class of the run and end with the test JVM; each test starts from a
 * reset simulator and a fresh context, since a process's rate limiters and routes found out rightly
 * outlive a run.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
abstract class TwoProviderJobTests {

    static final Simulator ALPHA = Simulator.start(SimulatorConfig.defaults()
            .withModels("alpha-large", "alpha-small")
            .withApiKey("alpha-key")
            .withDialect(Dialect.GROQ)
            .withLatency(Duration.ofMillis(20)));
    static final Simulator BETA = Simulator.start(SimulatorConfig.defaults()
            .withModels("beta-large")
            .withApiKey("beta-key")
            .withDialect(Dialect.CEREBRAS));

    @DynamicPropertySource
    static void twoProviders(DynamicPropertyRegistry registry) {
        SimulatedProviders.register(registry, "alpha", ALPHA, "alpha-key", "alpha-large,alpha-small");
        SimulatedProviders.register(registry, "beta", BETA, "beta-key", "beta-large");
    }

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path outDir;

    @BeforeEach
    void resetSimulators() {
        ALPHA.reset();
        BETA.reset();
    }

    /** A new instance of 100 samples over {@code chain}. */
    DatasetParameters params(String chain) {
        return DatasetParameters.parse(
                List.of(
                        "targetCount=100",
                        chain,
                        "runId=" + UUID.randomUUID(),
                        "dataset=t-" + UUID.randomUUID(),
                        "output=" + outDir.resolve("samples.jsonl")),
                null);
    }

    /** Events of a kind as {@code provider:model/category}, distinct. */
    List<String> eventCategories(long instance, String kind) {
        return jdbc.queryForList(
                "SELECT DISTINCT provider || ':' || model || '/' || category FROM generation_event"
                        + " WHERE job_instance_id = ? AND kind = ?",
                String.class,
                instance,
                kind);
    }

    /** Events of a kind as {@code provider:model reason}. */
    List<String> eventReasons(long instance, String kind) {
        return jdbc.queryForList(
                "SELECT provider || ':' || model || ' ' || reason FROM generation_event"
                        + " WHERE job_instance_id = ? AND kind = ?",
                String.class,
                instance,
                kind);
    }
}
