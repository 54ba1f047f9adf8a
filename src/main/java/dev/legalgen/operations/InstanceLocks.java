package dev.legalgen.operations;

import dev.legalgen.job.JobListenerOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One run per job instance at a time, across processes: Batch's own check ("is an execution
 * STARTED?") races when two launches come together, and cannot tell a running execution from one
 * whose process was killed. On PostgreSQL a session advisory lock, held on its own connection for
 * the run, answers both: the database drops it when the process dies. The embedded H2 file admits
 * one process anyway, so there the lock is this JVM's.
 */
@Component
@Order(JobListenerOrder.INSTANCE_LOCK)
public class InstanceLocks implements JobExecutionListener {

    private final DataSource dataSource;
    private final Set<String> heldHere = ConcurrentHashMap.newKeySet();
    private final Map<Long, Lock> untilEnd = new ConcurrentHashMap<>();

    public InstanceLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An instance's lock, taken or not; closing it releases what was taken. */
    public interface Lock extends AutoCloseable {
        boolean acquired();

        @Override
        void close();
    }

    /**
     * Keeps {@code lock} until {@code execution} ends, when it still runs (an asynchronous launch), and
     * returns the lock the caller should close now: {@code lock} itself when the run is over, or a no-op.
     */
    public Lock holdUntilEnd(JobExecution execution, Lock lock) {
        if (!execution.isRunning()) {
            return lock;
        }
        untilEnd.put(execution.getId(), lock);
        if (!execution.isRunning()) {
            // it ended meanwhile, perhaps before afterJob could find the lock: release it here
            Lock ended = untilEnd.remove(execution.getId());
            return ended == null ? notAcquired() : ended;
        }
        return notAcquired();
    }

    @Override
    public void afterJob(JobExecution execution) {
        Lock lock = untilEnd.remove(execution.getId());
        if (lock != null) {
            lock.close();
        }
    }

    public Lock tryLock(JobParameters identifying) {
        String key = new DefaultJobKeyGenerator().generateKey(identifying);
        if (!heldHere.add(key)) {
            return notAcquired();
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!isPostgres(connection)) {
                connection.close();
                return held(key, null);
            }
            if (!advisory(connection, "SELECT pg_try_advisory_lock(?)", key)) {
                connection.close();
                heldHere.remove(key);
                return notAcquired();
            }
            return held(key, connection);
        } catch (SQLException e) {
            heldHere.remove(key);
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("cannot take the instance lock", e);
        }
    }

    private Lock held(String key, Connection connection) {
        return new Lock() {
            @Override
            public boolean acquired() {
                return true;
            }

            @Override
            public void close() {
                try {
                    if (connection != null) {
                        advisory(connection, "SELECT pg_advisory_unlock(?)", key);
                    }
                } catch (SQLException e) {
                    // the lock goes with the connection: closing it below releases it all the same
                } finally {
                    closeQuietly(connection);
                    heldHere.remove(key);
                }
            }
        };
    }

    private static Lock notAcquired() {
        return new Lock() {
            @Override
            public boolean acquired() {
                return false;
            }

            @Override
            public void close() {}
        };
    }

    /** The job key is an MD5 in hex: its first 64 bits make the advisory lock's id. */
    private static boolean advisory(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, Long.parseUnsignedLong(key.substring(0, 16), 16));
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
        }
    }
}
