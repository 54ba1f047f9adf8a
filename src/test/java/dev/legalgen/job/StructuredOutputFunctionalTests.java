package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.SeenRequest;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.SimulatedProviders;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Structured output in a whole run, over real HTTP: a model configured for json_schema that refuses it is switched
 * to json_object once for the run, and answers cut off at their budget are re-asked with a larger one, without a
 * skipped item.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:structured-output;DB_CLOSE_DELAY=-1")
class StructuredOutputFunctionalTests {

    private static final String MODEL = "legal-sim-large";
    /** Groq's dialect; the model refuses json_schema as Groq's non-gpt-oss models do. */
    private static final Simulator EXT =
            Simulator.start(SimulatorConfig.defaults().withModels(MODEL).withoutJsonSchema(MODEL));

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        SimulatedProviders.register(registry, "ext", EXT, "ext-key", MODEL);
        registry.add("legalgen.providers.ext.model-options[" + MODEL + "].structured-output", () -> "json_schema");
        registry.add("legalgen.providers.ext.model-options[" + MODEL + "].max-completion-tokens", () -> "1024");
    }

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path outDir;

    @AfterAll
    static void stopProvider() {
        EXT.close();
    }

    @BeforeEach
    void resetProvider() {
        EXT.reset();
    }

    @Test
    void aModelThatRefusesJsonSchemaIsSwitchedToJsonObjectOnceForTheRun() {
        // when: 60 samples, 40 calls in flight
        Outcome outcome = launcher.start(params("targetCount=60"), false);

        // then: every sample, answered in json_object; the refusals were the calls sent before the first came back
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(JobRows.slots(jdbc, instance)).hasSize(60).doesNotHaveDuplicates();
        assertThat(StepCounters.ofGenerate(jdbc, outcome.executionId()))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped, StepCounters::rollbacks)
                .containsExactly(60L, 60L, 0L, 0L);
        List<SeenRequest> seen = EXT.requests();
        assertThat(seen)
                .filteredOn(request -> request.status() == 200)
                .hasSize(60)
                .allMatch(request -> "json_object".equals(request.responseFormat()));
        assertThat(seen)
                .filteredOn(request -> request.status() != 200)
                .hasSizeBetween(1, 40)
                .allMatch(request -> request.status() == 400 && "json_schema".equals(request.responseFormat()));
        assertThat(jdbc.queryForList(
                        "SELECT provider || ':' || model || '/' || category || ' ' || reason FROM generation_event"
                                + " WHERE job_instance_id = ? AND kind = 'structured_output_downgraded'",
                        String.class,
                        instance))
                .containsExactly("ext:" + MODEL + "/structured_output_refused json_schema refused"
                        + " (400 param response_format): json_object for the rest of the run");
    }

    @Test
    void answersCutOffAtTheirBudgetAreReaskedOnceWithTwiceItAndNoneIsSkipped() {
        // given: every answer takes 1,500 tokens, the model allows 1,024
        EXT.faults().forAllModels().always(Fault.truncatedBelow(1500));

        // when
        Outcome outcome = launcher.start(params("targetCount=20"), false);

        // then: each item asked twice, first with 1,024 then with 2,048, and written
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(StepCounters.ofGenerate(jdbc, outcome.executionId()))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped, StepCounters::rollbacks)
                .containsExactly(20L, 20L, 0L, 0L);
        assertThat(EXT.requests())
                .filteredOn(request -> request.status() == 200)
                .extracting(SeenRequest::maxCompletionTokens)
                .hasSize(40)
                .containsOnly(1024, 2048)
                .filteredOn(budget -> budget == 2048)
                .hasSize(20);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM generation_event WHERE job_instance_id = ? AND kind = 'retry'"
                                + " AND category = 'truncated'",
                        Integer.class,
                        instance))
                .isEqualTo(20);
    }

    private DatasetParameters params(String targetCount) {
        return DatasetParameters.parse(
                List.of(
                        targetCount,
                        "chain=ext",
                        "runId=" + UUID.randomUUID(),
                        "dataset=t-" + UUID.randomUUID(),
                        "output=" + outDir.resolve("samples.jsonl")),
                null);
    }
}
