package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Fault;
import dev.legalgen.testsupport.SimulatedProviders;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a run learns about a provider is learnt once, for every call in flight: a wrong key or a model the
 * endpoint does not list before any chat call (the preflight), a key revoked or a model retired mid-run at
 * the cost of the calls already sent, and routes that stay unreachable fail the run once. The paced
 * provider queues 40 callers (one request every 100 ms), as a free tier does, so that calls wait for
 * their slot while the provider fails.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:health;DB_CLOSE_DELAY=-1",
            "legalgen.chain.initial-backoff=5ms",
            "legalgen.chain.max-backoff=20ms",
            "legalgen.chain.max-pacing-wait=3s",
            "legalgen.chain.breaker-cooldown=1s",
            "legalgen.job.retry-delay=5ms"
        })
class ProviderHealthFunctionalTests extends TwoProviderJobTests {

    @DynamicPropertySource
    static void moreProviders(DynamicPropertyRegistry registry) {
        SimulatedProviders.register(registry, "paced", ALPHA, "alpha-key", "alpha-large,alpha-small", 600);
        SimulatedProviders.register(registry, "unlisted", ALPHA, "alpha-key", "alpha-retired,alpha-large");
        SimulatedProviders.register(registry, "wrong-alpha", ALPHA, "not-alpha-key", "alpha-large");
        SimulatedProviders.register(registry, "wrong-beta", BETA, "not-beta-key", "beta-large");
    }

    @Test
    void wrongKeysEverywhereFailThePreflightWithoutAnyChatCall() {
        // when
        Outcome failed = launcher.start(params("chain=wrong-alpha,wrong-beta"), false);

        // then: one model listing per provider told it all
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.message())
                .contains("wrong-alpha rejected the API key", "wrong-beta rejected the API key", "WRONG_ALPHA_API_KEY")
                .doesNotContain("not-alpha-key");
        assertThat(ALPHA.requestCount() + BETA.requestCount())
                .as("chat requests")
                .isZero();
        assertThat(ALPHA.modelListingCount()).isEqualTo(1);
        assertThat(BETA.modelListingCount()).isEqualTo(1);
        assertThat(stepStatus(failed, DatasetJobConfiguration.PREFLIGHT_STEP)).isEqualTo("FAILED");
        assertThat(stepStatus(failed, DatasetJobConfiguration.GENERATE_STEP))
                .as("never started")
                .isNull();
    }

    @Test
    void aConfiguredModelTheEndpointDoesNotListIsNeverCalled() {
        // when
        Outcome outcome = launcher.start(params("chain=unlisted"), false);

        // then
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(JobRows.slots(jdbc, instance)).hasSize(100).doesNotHaveDuplicates();
        assertThat(StepCounters.ofGenerate(jdbc, outcome.executionId()))
                .extracting(StepCounters::read, StepCounters::written, StepCounters::skipped, StepCounters::rollbacks)
                .containsExactly(100L, 100L, 0L, 0L);
        assertThat(ALPHA.requestCount("alpha-retired")).isZero();
        assertThat(ALPHA.requestCount("alpha-large")).isEqualTo(100);
        assertThat(eventReasons(instance, "models_not_listed"))
                .singleElement()
                .asString()
                .contains("unlisted:alpha-retired")
                .contains("legalgen.providers.unlisted.models");
    }

    @Test
    void aKeyRevokedMidRunCostsOnlyTheCallsInFlightNotTheCallsQueuedForTheProvidersPace() {
        // given: 20 answers, then every call is refused; 40 callers queue at one request per 100 ms
        ALPHA.faults().forAllModels().after(20, new Fault.Status(401, null));

        // when
        Outcome failed = launcher.start(params("chain=paced"), false);

        // then: with 20 ms answers and 100 ms between requests, one call at most was in flight at the 401
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.message()).contains("paced rejected the API key");
        assertThat(answered(401)).as("requests answered 401").isBetween(1L, 2L);
        StepCounters counters = StepCounters.ofGenerate(jdbc, failed.executionId());
        assertThat(counters.written())
                .as("the 20 answers, less those of chunks that rolled back")
                .isLessThanOrEqualTo(20);
        assertThat(counters.skipped())
                .as("a key refused is no reason to skip items")
                .isZero();
        assertThat(counters.rollbacks())
                .as("the chunks in flight when the key was refused")
                .isPositive();
        assertThat(ALPHA.requestCount()).isLessThanOrEqualTo(22);
    }

    @Test
    void aListedModelThatStartsAnswering404CostsOnlyTheCallsInFlightAndTheNextModelServesTheRest() {
        // given
        ALPHA.faults().forModel("alpha-large").after(20, new Fault.Status(404, null));

        // when
        Outcome outcome = launcher.start(params("chain=paced"), false);

        // then
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(JobRows.slots(jdbc, instance)).hasSize(100).doesNotHaveDuplicates();
        assertThat(answered(404)).as("requests answered 404").isBetween(1L, 2L);
        assertThat(eventReasons(instance, "model_failed"))
                .singleElement()
                .asString()
                .contains("paced:alpha-large");
    }

    @Test
    void routesThatStayUnreachableFailTheRunOnceWithinMaxPacingWait() {
        // given: after 20 answers every connection is dropped, on every model
        ALPHA.faults().forAllModels().after(20, new Fault.Drop());

        // when
        Outcome failed = launcher.start(params("chain=paced"), false);

        // then: FAILED within max-pacing-wait (3 s) of the first failure, plus the calls in flight
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
        long instance = JobRows.instanceOf(jdbc, failed);
        Timestamp firstFailure = jdbc.queryForObject(
                "SELECT MIN(occurred_at) FROM generation_event" + " WHERE job_instance_id = ? AND kind = 'failure'",
                Timestamp.class,
                instance);
        Timestamp ended = jdbc.queryForObject(
                "SELECT end_time FROM batch_job_execution WHERE job_execution_id = ?",
                Timestamp.class,
                failed.executionId());
        assertThat(Duration.between(firstFailure.toInstant(), ended.toInstant()))
                .isLessThan(Duration.ofSeconds(6));
        assertThat(failed.message()).contains("cannot reach paced");
    }

    private long answered(int status) {
        return ALPHA.requests().stream()
                .filter(request -> request.status() == status)
                .count();
    }

    private String stepStatus(Outcome outcome, String step) {
        List<String> statuses = jdbc.queryForList(
                "SELECT status FROM batch_step_execution WHERE job_execution_id = ?" + " AND step_name = ?",
                String.class,
                outcome.executionId(),
                step);
        return statuses.isEmpty() ? null : statuses.get(0);
    }
}
