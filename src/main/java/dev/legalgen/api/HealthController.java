package dev.legalgen.api;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.provider.ProvidersProperties;
import dev.legalgen.store.SampleStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/health}: the seed's fields, {@code healthy} when the database answers (else
 * {@code unhealthy} and 503), beside the database product and each configured provider's usability.
 * {@code /actuator/health} says the same in Spring's UP/DOWN terms, with more.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HealthController {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    /** The seed's {@code groq_configured} names this provider. */
    private static final String GROQ = "groq";

    private final DataSource dataSource;
    private final SampleStore samples;
    private final ProvidersProperties providers;
    private final ProviderChains chains;
    private final AsyncDatasetLauncher batches;

    HealthController(
            DataSource dataSource,
            SampleStore samples,
            ProvidersProperties providers,
            ProviderChains chains,
            AsyncDatasetLauncher batches) {
        this.dataSource = dataSource;
        this.samples = samples;
        this.providers = providers;
        this.chains = chains;
        this.batches = batches;
    }

    /**
     * {@code dataset_exists}: a sample is committed; {@code groq_configured}: groq has a key;
     * {@code batch_generation_running}: a batch runs in this server; {@code database}: the product, or
     * why it is unreachable; {@code providers}: name to usability.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HealthBody(
            String status,
            boolean datasetExists,
            boolean groqConfigured,
            boolean batchGenerationRunning,
            String database,
            Map<String, String> providers) {}

    @GetMapping("/api/health")
    ResponseEntity<HealthBody> health() {
        Database database = database();
        HealthBody body = new HealthBody(
                database.up() ? "healthy" : "unhealthy",
                database.hasSamples(),
                groqConfigured(),
                batches.running(),
                database.description(),
                chains.usability());
        return ResponseEntity.status(database.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(body);
    }

    private Database database() {
        String description;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            description = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return new Database(false, description, false);
            }
        } catch (SQLException e) {
            return new Database(false, "unreachable: " + e.getMessage(), false);
        }
        try {
            return new Database(true, description, samples.hasAny());
        } catch (DataAccessException e) {
            return new Database(false, "unreachable: " + e.getMessage(), false);
        }
    }

    private boolean groqConfigured() {
        ProviderSettings groq = providers.providers().get(GROQ);
        return groq != null && groq.apiKey().isPresent();
    }

    private record Database(boolean up, String description, boolean hasSamples) {}
}
