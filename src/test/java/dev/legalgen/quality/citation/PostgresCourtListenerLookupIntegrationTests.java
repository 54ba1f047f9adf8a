package dev.legalgen.quality.citation;

import dev.legalgen.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same lookups with their cache on PostgreSQL (its V5 migration), in a fresh schema. */
@EnabledIf(
        value = "dev.legalgen.testsupport.PostgresTestDatabase#available",
        disabledReason = "no PostgreSQL server at -Dlegalgen.test.postgres.url")
class PostgresCourtListenerLookupIntegrationTests extends CourtListenerLookupIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
