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
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps an embedded H2 file from growing by every page every commit writes. H2 writes a commit by appending the pages
 * it changed and reuses the space of old ones only when whole chunks of them are dead; its background thread
 * rewrites the live rest of sparse chunks, but it runs only with a write delay, and the default URL has {@code
 * WRITE_DELAY=0} (README, design notes). With nothing doing it, the file reached 3.65 GB after 20,000 samples. So this
 * does what that thread does, every {@link #INTERVAL}: rewrites the chunks less than {@value #FILL_RATE}% live, when
 * the store is not busy (it never waits for H2's lock, and commits never wait for it), and lets H2 reuse the chunks
 * that become dead at once: 457 MB at most over 20,000 samples, at the same throughput.
 */
@Component
public class H2FileCompaction implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    /** Chunks less live than this are rewritten (H2's own thread aims at 90). */
    static final int FILL_RATE = 80;

    private static final int REWRITE_BYTES = 16 << 20;

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
     * Rewrites up to 16 MB of the live pages of sparse chunks. H2 then reuses dead chunks at once instead of after 45 s
     * ({@code RETENTION_TIME} 0, as when it closes a file): a killed process loses nothing by it, since every write it
     * made is in the operating system's hands; a power loss can, which is why production runs on PostgreSQL.
     */
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = ((SessionLocal)
                            connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase()
                    .getStore()
                    .getMvStore();
            store.setRetentionTime(0);
            store.compact(FILL_RATE, REWRITE_BYTES);
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
