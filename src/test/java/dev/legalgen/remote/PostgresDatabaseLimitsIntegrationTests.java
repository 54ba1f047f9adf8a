package dev.legalgen.remote;

import dev.legalgen.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same shared limits on PostgreSQL (row locks, its clock and its V14/V15 migrations), in a fresh schema. */
@EnabledIf(
        value = "dev.legalgen.testsupport.PostgresTestDatabase#available",
        disabledReason = "no PostgreSQL server at -Dlegalgen.test.postgres.url")
class PostgresDatabaseLimitsIntegrationTests extends DatabaseLimitsIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
