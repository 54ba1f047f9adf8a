package dev.legalgen.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps an embedded H2 file from growing without bound. H2 writes a commit by appending the pages it changed and
 * frees the old ones only when a whole chunk of them is dead; its background thread rewrites the live rest of
 * sparse chunks, but it runs only with a write delay, and the default URL has {@code WRITE_DELAY=0} (README, design
 * notes). With none of that, every commit's pages stayed in the file: 3.65 GB after 20,000 samples. So this does the
 * background thread's compaction itself, every {@link #INTERVAL}: 325 MB instead. Commits wait while it runs (up to
 * a few hundred milliseconds).
 */
@Component
public class H2FileCompaction implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    /** What H2 gives its own compaction when it closes a database (its MAX_COMPACT_TIME). */
    private static final int COMPACT_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

    private final DataSource dataSource;
    private final boolean embeddedFile;
    private volatile boolean running;
    private ScheduledExecutorService schedule;

    public H2FileCompaction(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
        this.dataSource = dataSource;
        this.embeddedFile = embeddedFile(url);
    }

    /** {@code jdbc:h2:file:…} or {@code jdbc:h2:<path>}: not in memory, not a server's. */
    static boolean embeddedFile(String url) {
        return url.startsWith("jdbc:h2:")
                && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
    }

    /**
     * Rewrites the live pages of sparse chunks and cuts the file to what it holds; cheap when the file is dense (H2
     * skips a file more than 90% live). H2 then frees dead chunks at once instead of after 45 s ({@code
     * RETENTION_TIME} 0, as when it closes a file): a killed process loses nothing by it, since every write it made
     * is in the operating system's hands; a power loss can, which is why production runs on PostgreSQL.
     */
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase()
                    .getStore()
                    .getMvStore()
                    .compactFile(COMPACT_MILLIS);
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not compact the H2 file (it grows until the next run closes it): {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        if (!embeddedFile) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-file-compaction");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::compact, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a compaction under way: the DataSource closes after every lifecycle bean has stopped. */
    @Override
    public void stop() {
        running = false;
        if (schedule == null) {
            return;
        }
        schedule.shutdown();
        try {
            schedule.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early to start, late to stop: after the job's graceful shutdown (the last phase) has let its chunks end. */
    @Override
    public int getPhase() {
        return 0;
    }
}
