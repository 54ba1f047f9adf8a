package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole job over two providers, each a simulator speaking its real dialect over HTTP: the job
 * keeps producing samples while one fails, and records what it switched and why.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:failover;DB_CLOSE_DELAY=-1",
            "legalgen.chain.initial-backoff=5ms",
            "legalgen.chain.max-backoff=20ms",
            "legalgen.job.retry-delay=5ms"
        })
class FailoverFunctionalTests extends TwoProviderJobTests {

    @Test
    void retiredAndRateLimitedModelsOfTheFirstProviderGiveWayToTheSecond() {
        // given: alpha's primary model is over capacity and its second model rate-limited for a long while
        ALPHA.faults().forModel("alpha-large").always(new Fault.Status(503, "over_capacity"));
        ALPHA.faults().forModel("alpha-small").always(new Fault.Status(429, "rpm", Duration.ofSeconds(30)));

        // when
        Outcome outcome = launcher.start(params("chain=alpha,beta"), false);

        // then: every sample, all from beta, and the switches on record
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(samplesByProvider(instance)).isEqualTo(Map.of("beta", 100L));
        assertThat(StepCounters.ofGenerate(jdbc, outcome.executionId()))
                .as("read, written, skipped, rolled back: the chain failed over within each item")
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped, StepCounters::rollbacks)
                .containsExactly(100L, 100L, 0L, 0L);
        assertThat(ALPHA.requestCount("alpha-large"))
                .as("a model over capacity is dropped for the run")
                .isLessThanOrEqualTo(40);
        assertThat(eventCategories(instance, "model_failed")).contains("alpha:alpha-large/model_unavailable");
        assertThat(eventCategories(instance, "failure")).contains("alpha:alpha-small/rate_limit");
        assertThat(JobRows.slots(jdbc, instance)).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void aRejectedKeyTakesItsProviderOutWithoutRetriesAndTheOtherServesEverything() {
        // given
        ALPHA.faults().forAllModels().always(new Fault.Status(401, null));

        // when
        Outcome outcome = launcher.start(params("chain=alpha,beta"), false);

        // then
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(samplesByProvider(instance)).isEqualTo(Map.of("beta", 100L));
        assertThat(ALPHA.requestCount())
                .as("at most the calls already in flight when the first 401 came back")
                .isLessThanOrEqualTo(40);
        assertThat(eventCategories(instance, "provider_out")).containsExactly("alpha:alpha-large/authentication");
        assertThat(eventCategories(instance, "retry")).noneMatch(e -> e.startsWith("alpha"));
    }

    @Test
    void rejectedKeysEverywhereFailFastNamingTheProvidersAndTheSameCommandCompletesOnceFixed() {
        // given
        ALPHA.faults().forAllModels().always(new Fault.Status(401, null));
        BETA.faults().forAllModels().always(new Fault.Status(401, null));
        DatasetParameters params = params("chain=alpha,beta");

        // when
        Outcome failed = launcher.start(params, false);

        // then
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.message()).contains("alpha").contains("beta").contains("API key");
        assertThat(ALPHA.requestCount() + BETA.requestCount()).isLessThanOrEqualTo(80);

        // when the keys are fixed and the same command runs again
        ALPHA.reset();
        BETA.reset();
        Outcome resumed = launcher.start(params, false);

        // then
        assertThat(resumed.exitCode()).as(resumed.message()).isEqualTo(ExitCode.OK);
        assertThat(JobRows.slots(jdbc, JobRows.instanceOf(jdbc, resumed)))
                .hasSize(100)
                .doesNotHaveDuplicates();
    }

    private Map<String, Long> samplesByProvider(long instance) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT provider, COUNT(*) AS n FROM legal_sample WHERE job_instance_id = ? GROUP BY provider",
                rs -> {
                    counts.put(rs.getString("provider"), rs.getLong("n"));
                },
                instance);
        return counts;
    }
}
