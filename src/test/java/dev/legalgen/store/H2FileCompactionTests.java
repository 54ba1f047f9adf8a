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
    void commitsOfRandomKeysWithCompactionsBetweenThemLeaveAFileAFractionOfTheSize() throws Exception {
        // given: two files, each given 2,000 commits of 30 rows at random places of one primary key
        long without = fileAfterCommits("without", false);

        // when: the second is compacted every 100 commits, as the job does every few seconds
        long with = fileAfterCommits("with", true);

        // then
        assertThat(with)
                .as("file with / without compactions: %d / %d", with, without)
                .isLessThan(without / 3);
    }

    private long fileAfterCommits(String name, boolean compacting) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve(name) + ";WRITE_DELAY=0";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        H2FileCompaction compaction = new H2FileCompaction(dataSource, url);
        try (Connection open = dataSource.getConnection()) { // keeps the database open, as the job's pool does
            for (int round = 0; round < 20; round++) {
                commitRandomKeys(open, round, 100, 30);
                if (compacting) {
                    compaction.compact();
                }
            }
            try (Statement statement = open.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM keyed")) {
                rows.next();
                assertThat(rows.getLong(1)).as("every row kept").isEqualTo(20 * 100 * 30);
            }
            return Files.size(directory.resolve(name + ".mv.db"));
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
    private static void commitRandomKeys(Connection connection, int seed, int commits, int keys) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS keyed (k BIGINT PRIMARY KEY, v INT)");
        }
        connection.setAutoCommit(false);
        SplittableRandom random = new SplittableRandom(seed);
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
