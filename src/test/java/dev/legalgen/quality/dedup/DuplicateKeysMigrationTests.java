package dev.legalgen.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.legalgen.testsupport.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V9 on a database that V8 left with claims: each claim's keys are those that today's index looks up. */
class DuplicateKeysMigrationTests {

    private static final String QUESTION = NormalisedQuestion.of(
                    "Is an oral agreement to sell a farmhouse enforceable against the seller?")
            .text();

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyClaimIsStoredUnderTheKeysItsQuestionHasNow(String vendor) {
        // given: a claim stored by V8 under keys that today's constants no longer compute
        DriverManagerDataSource database = database(vendor);
        migrate(database, vendor, "8");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.update("INSERT INTO duplicate_index_dataset (id, dataset) VALUES (1, 'legal-qa')");
        jdbc.update(
                "INSERT INTO duplicate_claim (dataset_id, job_instance_id, slot, question) VALUES (1, 3, 7, ?)",
                QUESTION);
        for (long stale = 1; stale <= 48; stale++) {
            jdbc.update(
                    "INSERT INTO duplicate_claim_key (key_hash, dataset_id, job_instance_id, slot) VALUES (?, 1, 3, 7)",
                    stale);
        }

        // when
        migrate(database, vendor, "latest");

        // then
        long[] expected = IndexKeys.of(NormalisedQuestion.stored(QUESTION)).stored();
        assertThat(jdbc.queryForList(
                        "SELECT key_hash FROM duplicate_claim_key WHERE dataset_id = 1 AND job_instance_id = 3"
                                + " AND slot = 7",
                        Long.class))
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.of(expected).boxed().toList());
    }

    private DriverManagerDataSource database(String vendor) {
        if (vendor.equals("h2")) {
            return new DriverManagerDataSource("jdbc:h2:file:" + directory.resolve("db"), "sa", "");
        }
        assumeTrue(PostgresTestDatabase.available(), "PostgreSQL is not running");
        return new DriverManagerDataSource(PostgresTestDatabase.freshSchemaUrl(), PostgresTestDatabase.user(), "");
    }

    private static void migrate(DriverManagerDataSource database, String vendor, String target) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/" + vendor)
                .javaMigrations(new DuplicateKeysMigration())
                .target(target)
                .load()
                .migrate();
    }
}
