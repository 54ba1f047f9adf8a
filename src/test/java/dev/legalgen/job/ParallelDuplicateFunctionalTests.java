package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.testsupport.Export;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two partitions whose answers carry the same question at the same moment: one commits it, the other is re-asked. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:parallel-duplicates;DB_CLOSE_DELAY=-1",
            "legalgen.job.partitions=2",
            "legalgen.job.concurrency=1"
        })
class ParallelDuplicateFunctionalTests {

    private static final String QUESTION = "Can a buyer who discovered water damage only after closing rescind the"
            + " sale of a house when the seller's disclosure form said nothing about it?";

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    SimulatorProvider simulatorProvider;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path outDir;

    @Test
    void twoPartitionsAnsweredTheSameQuestionAtOnceCommitItOnceAndTheOtherIsReasked() throws Exception {
        // given: two slots, one per partition (the partitions' items share one pool of calls, so with more slots two
        // of one partition could be the pair), each held at the simulator until both have arrived
        Simulator simulator = simulatorProvider.simulator();
        simulator.reset();
        simulator.holdRequests();
        DatasetParameters params = DatasetParameters.parse(
                List.of(
                        "targetCount=2",
                        "chain=simulator",
                        "runId=" + UUID.randomUUID(),
                        "dataset=t-" + UUID.randomUUID(),
                        "output=" + outDir.resolve("s.jsonl")),
                null);
        CompletableFuture<Outcome> run = CompletableFuture.supplyAsync(() -> launcher.start(params, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.heldRequestCount() == 2);

        // when: both are answered with the same question, while the re-ask that follows waits
        simulator.faults().forAllModels().next(2, new Fault.Content(QUESTION, null, null, null));
        simulator.releaseHeldRequests();
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.heldRequestCount() == 1);
        simulator.releaseRequests();
        Outcome outcome = run.get();

        // then
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        assertThat(simulator.requestCount()).as("two slots and one re-ask").isEqualTo(3);
        assertThat(Export.read(outDir.resolve("s.jsonl")).lines().stream()
                        .filter(line -> line.path("question").asString().equals(QUESTION)))
                .hasSize(1);
        long instance = JobRows.instanceOf(jdbc, outcome);
        assertThat(JobRows.slots(jdbc, instance)).containsExactly(0, 1);
        assertThat(jdbc.queryForList(
                        "SELECT slot FROM generation_event WHERE job_instance_id = ? AND kind = 'reask'"
                                + " AND category = 'exact_duplicate'",
                        Integer.class,
                        instance))
                .singleElement()
                .isIn(0, 1);
    }
}
