package dev.legalgen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.legalgen.testsupport.PostgresTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application's own Flyway configuration on PostgreSQL, where workers and a manager of a remote run may all start
 * on a fresh schema at once: each must find the schema migrated, none may baseline it.
 */
@SpringBootTest
@EnabledIf(
        value = "dev.legalgen.testsupport.PostgresTestDatabase#available",
        disabledReason = "no PostgreSQL server at -Dlegalgen.test.postgres.url")
class PostgresSchemaMigrationIntegrationTests {

    private static final int PROCESSES = 4;
    private static final int ROUNDS = 8;

    @Autowired
    Flyway configured;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Test
    void processesStartingTogetherOnAFreshSchemaAllFindItMigrated() throws Exception {
        ExecutorService processes = Executors.newFixedThreadPool(PROCESSES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // given a fresh schema, when several processes migrate it at the same moment
                String url = PostgresTestDatabase.freshSchemaUrl();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> migrations = new ArrayList<>();
                for (int process = 0; process < PROCESSES; process++) {
                    migrations.add(processes.submit(() -> {
                        go.await();
                        return flywayOn(url).migrate();
                    }));
                }
                go.countDown();

                // then every one of them succeeds, and each migration ran once
                for (Future<?> migration : migrations) {
                    migration.get();
                }
                JdbcTemplate jdbc = new JdbcTemplate(dataSource(url));
                assertThat(jdbc.queryForObject(
                                "select count(*) from flyway_schema_history where type = 'BASELINE'", Integer.class))
                        .as("round %d: nobody baselined the schema", round)
                        .isZero();
                assertThat(jdbc.queryForObject(
                                "select count(*) from flyway_schema_history where success", Integer.class))
                        .as("round %d: each migration applied once", round)
                        .isEqualTo(configured.info().applied().length);
            }
        } finally {
            processes.shutdownNow();
        }
    }

    @Test
    void aSchemaHoldingAnotherApplicationsTablesIsRefusedAndLeftAsItWas() {
        // given a schema with a table of someone else's and no schema history
        String url = PostgresTestDatabase.freshSchemaUrl();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource(url));
        jdbc.execute("create table invoices (id int primary key)");

        // when the application migrates it, then it refuses, and creates nothing there
        assertThatExceptionOfType(FlywayException.class)
                .isThrownBy(() -> flywayOn(url).migrate())
                .satisfies(refused -> assertThat(refused.getErrorCode())
                        .isEqualTo(CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE));
        assertThat(jdbc.queryForList(
                        "select table_name from information_schema.tables where table_schema = current_schema()",
                        String.class))
                .containsExactly("invoices");
    }

    /** A Flyway with the application's configuration (locations, Java migrations, baseline) on {@code url}. */
    private Flyway flywayOn(String url) {
        return Flyway.configure()
                .configuration(configured.getConfiguration())
                .dataSource(dataSource(url))
                .load();
    }

    private static DriverManagerDataSource dataSource(String url) {
        return new DriverManagerDataSource(url, PostgresTestDatabase.user(), "");
    }
}
