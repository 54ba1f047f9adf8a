package dev.legalgen.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh schema on the PostgreSQL server named by {@code -Dlegalgen.test.postgres.url} (user
 * postgres, trust auth). Tests guarded by {@link #available()} skip, saying why, when no server
 * answers, unless {@code -Dlegalgen.test.postgres.required=true} (CI) turns the skip into a failure.
 */
public final class PostgresTestDatabase {

    private static final String URL =
            System.getProperty("legalgen.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("legalgen.test.postgres.user", "postgres");
    private static final boolean REQUIRED = Boolean.getBoolean("legalgen.test.postgres.required");

    private PostgresTestDatabase() {}

    /** Creates a schema of its own for the calling test class and points the datasource at it. */
    public static void register(DynamicPropertyRegistry registry) {
        String schema = "lg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createSchema(schema);
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }

    /** A JDBC URL for a fresh schema, for tests that run the application as a process. */
    public static String freshSchemaUrl() {
        String schema = "lg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createSchema(schema);
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String user() {
        return USER;
    }

    /**
     * For {@code @EnabledIf}: whether a server answers. When none does, a required run fails here;
     * otherwise the tests are skipped, and this says so on stderr.
     */
    public static boolean available() {
        try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            if (REQUIRED) {
                throw new IllegalStateException(
                        "PostgreSQL is required (legalgen.test.postgres.required=true) but " + URL + " is not usable: "
                                + e.getMessage(),
                        e);
            }
            System.err.println("PostgreSQL tests SKIPPED: no server at " + URL + " (" + e.getMessage()
                    + "); start one or set -Dlegalgen.test.postgres.url");
            return false;
        }
    }

    private static void createSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + URL, e);
        }
    }
}
