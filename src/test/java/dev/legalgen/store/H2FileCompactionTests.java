package dev.legalgen.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class H2FileCompactionTests {

    @TempDir
    Path directory;

    @Test
    void aFileOfCommitsOfRandomKeysIsCutToWhatItHolds() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        H2FileCompaction compaction = new H2FileCompaction(dataSource, url);
        try (Connection open = dataSource.getConnection()) { // keeps the database open, as the job's pool does
            commitRandomKeys(open, 1_500, 30);
            long before = Files.size(directory.resolve("db.mv.db"));

            compaction.compact();

            long after = Files.size(directory.resolve("db.mv.db"));
            assertThat(after).as("file after / before: %d / %d", after, before).isLessThan(before / 3);
            commitRandomKeys(open, 300, 30);
            compaction.compact();
            assertThat(Files.size(directory.resolve("db.mv.db")))
                    .as("compacted again after more commits")
                    .isLessThan(before / 3);
            try (Statement statement = open.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM keyed")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1_800 * 30);
            }
        }
    }

    @Test
    void onlyEmbeddedFileDatabasesAreCompacted() {
        assertThat(H2FileCompaction.embeddedFile("jdbc:h2:file:./data/legalgen;WRITE_DELAY=0"))
                .isTrue();
        assertThat(H2FileCompaction.embeddedFile("jdbc:h2:./data/legalgen")).isTrue();
        assertThat(H2FileCompaction.embeddedFile("jdbc:h2:mem:test")).isFalse();
        assertThat(H2FileCompaction.embeddedFile("jdbc:h2:tcp://localhost/data"))
                .isFalse();
        assertThat(H2FileCompaction.embeddedFile("jdbc:postgresql://127.0.0.1:5432/legalgen"))
                .isFalse();
    }

    /** {@code commits} transactions of {@code keys} rows each at random places of one primary key. */
    private static void commitRandomKeys(Connection connection, int commits, int keys) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS keyed (k BIGINT PRIMARY KEY, v INT)");
        }
        connection.setAutoCommit(false);
        SplittableRandom random = new SplittableRandom(commits);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO keyed (k, v) VALUES (?, ?)")) {
            for (int commit = 0; commit < commits; commit++) {
                for (int key = 0; key < keys; key++) {
                    insert.setLong(1, random.nextLong());
                    insert.setInt(2, commit);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        connection.setAutoCommit(true);
    }
}
