package dev.legalgen.quality.dedup;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Schema version 9, for H2 and PostgreSQL alike: the duplicate index's keys become those of 32 MinHash bands of 4
 * rows ({@link MinHashBands}; V8's were 48 of 5), each claim's recomputed from its stored question, so that a dataset
 * goes on refusing repeats of what it already holds. Fewer keys per claim: fewer pages written per accepted answer
 * (README, design notes). Flyway runs it between the SQL migrations of {@code sql/<vendor>/}, in its transaction.
 */
@Component
public class DuplicateKeysMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("9");
    }

    @Override
    public String getDescription() {
        return "duplicate index keys of 32 bands of 4 rows";
    }

    /** None: the migration is this class, whose behaviour a checksum of text would not capture. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        new ClaimTables(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true))).rebuildKeys();
    }
}
