package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.generation.LegalSample;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.store.AnswerJournalStore;
import dev.legalgen.store.SampleStore;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database fails while writing the chunk holding slot 57: the chunk rolls back, the restart fills it in. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:writer-failure;DB_CLOSE_DELAY=-1")
class WriterFailureFunctionalTests {

    static final int FAILING_SLOT = 57;

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    SimulatorProvider simulatorProvider;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AtomicBoolean failWrites;

    @TempDir
    Path outDir;

    @Test
    void aFailedChunkWriteRollsBackAndTheRestartWritesEverySlotOnce() {
        // given
        Simulator simulator = simulatorProvider.simulator();
        DatasetParameters params = DatasetParameters.parse(
                List.of(
                        "targetCount=100",
                        "chain=simulator",
                        "runId=" + UUID.randomUUID(),
                        "dataset=t-" + UUID.randomUUID(),
                        "output=" + outDir.resolve("s.jsonl")),
                null);
        failWrites.set(true);

        // when
        Outcome first = launcher.start(params, false);

        // then
        assertThat(first.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(first.message()).contains("disk full while writing slot 57");
        long instance = JobRows.instanceOf(jdbc, first);
        assertThat(JobRows.slots(jdbc, instance)).doesNotContain(FAILING_SLOT);
        int committed = JobRows.slots(jdbc, instance).size();
        int journaled = JobRows.journaled(jdbc, instance);
        assertThat(journaled)
                .as("the rolled-back chunk's answers stay journaled")
                .isEqualTo(10);
        int callsBefore = simulator.requestCount();

        // when the database is back and the same command runs again
        failWrites.set(false);
        Outcome second = launcher.start(params, false);

        // then
        assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(JobRows.slots(jdbc, instance))
                .hasSize(100)
                .doesNotHaveDuplicates()
                .contains(FAILING_SLOT);
        assertThat(simulator.requestCount() - callsBefore).isEqualTo(100 - committed - journaled);
        assertThat(JobRows.journaled(jdbc, instance)).isZero();
    }

    @TestConfiguration
    static class FailingDatabase {

        @Bean
        AtomicBoolean failWrites() {
            return new AtomicBoolean();
        }

        /** The real store, whose insert fails for the chunk holding slot 57 while the switch is on. */
        @Bean
        @Primary
        SampleStore failingSampleStore(JdbcTemplate jdbc, AnswerJournalStore journal, AtomicBoolean failWrites) {
            return new SampleStore(jdbc, journal) {
                @Override
                public void write(Chunk<? extends LegalSample> chunk) {
                    super.write(chunk);
                    if (failWrites.get() && chunk.getItems().stream().anyMatch(s -> s.slot() == FAILING_SLOT)) {
                        throw new DataAccessResourceFailureException("disk full while writing slot 57");
                    }
                }
            };
        }
    }
}
