package dev.legalgen.api;

import dev.legalgen.job.ProviderChains;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}, the seed's shape: UP when the database answers (503 otherwise), with each
 * configured provider's usability. {@code /actuator/health} has the same and more.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HealthController {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final ProviderChains chains;

    HealthController(DataSource dataSource, ProviderChains chains) {
        this.dataSource = dataSource;
        this.chains = chains;
    }

    /** {@code status} and {@code database}: UP and the product, or DOWN and why; {@code providers}: name to usability. */
    record HealthBody(String status, String database, Map<String, String> providers) {}

    @GetMapping("/api/health")
    ResponseEntity<HealthBody> health() {
        String database;
        boolean up;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            up = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            database = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            up = false;
            database = "unreachable: " + e.getMessage();
        }
        HealthBody body = new HealthBody(up ? "UP" : "DOWN", database, chains.usability());
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
