package dev.legalgen.remote;

import dev.legalgen.chain.SharedRouteHealth;
import dev.legalgen.provider.ProviderChain;
import dev.legalgen.provider.Route;
import dev.legalgen.provider.RouteNews;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Route health shared by the processes of a run through {@code route_outage}: what a chain finds out is written at
 * once, on the thread that found it (a handful of rows a run); each process's chains read what the others wrote when
 * they are made (so a worker's first call already skips what the manager's preflight found) and every
 * {@code legalgen.remote.poll-interval} after. A breaker is learnt while its cooldown lasts, by the database's clock.
 */
final class DatabaseRouteHealth implements SharedRouteHealth, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRouteHealth.class);

    /** A provider out is a route of no model. */
    private static final String WHOLE_PROVIDER = "";

    private final JdbcTemplate jdbc;
    private final String me;
    private final Duration cooldown;
    private final Duration pollInterval;
    private final Map<Long, ProviderChain> chains = new ConcurrentHashMap<>();
    /** Per execution, the rows its chain here has acted on (a breaker's with its open_until: each opening once). */
    private final Map<Long, Set<String>> learnt = new ConcurrentHashMap<>();

    private ScheduledExecutorService poller;

    DatabaseRouteHealth(JdbcTemplate jdbc, WorkerIdentity me, Duration cooldown, Duration pollInterval) {
        this.jdbc = jdbc;
        this.me = me.name();
        this.cooldown = cooldown;
        this.pollInterval = pollInterval;
    }

    @Override
    public void joined(long executionId, ProviderChain chain) {
        chains.put(executionId, chain);
        chain.shareRouteNews(news -> publish(executionId, news));
        learn(executionId, chain);
    }

    @Override
    public void left(long executionId) {
        chains.remove(executionId);
        learnt.remove(executionId);
    }

    private void publish(long executionId, RouteNews news) {
        String model = news.kind() == RouteNews.Kind.PROVIDER_OUT
                ? WHOLE_PROVIDER
                : news.route().model();
        String kind = news.kind().name().toLowerCase(Locale.ROOT);
        try {
            OffsetDateTime openUntil = news.kind() == RouteNews.Kind.BREAKER_OPEN
                    ? jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class)
                            .plus(cooldown)
                    : null;
            try {
                jdbc.update(
                        "INSERT INTO route_outage (job_execution_id, provider, model, kind, why, worker, open_until)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        executionId,
                        news.route().provider(),
                        model,
                        kind,
                        news.why(),
                        me,
                        openUntil);
            } catch (DuplicateKeyException known) {
                if (openUntil != null) { // opened again: the others learn this opening too
                    jdbc.update(
                            "UPDATE route_outage SET why = ?, worker = ?, open_until = ? WHERE job_execution_id = ?"
                                    + " AND provider = ? AND model = ? AND kind = ?",
                            news.why(),
                            me,
                            openUntil,
                            executionId,
                            news.route().provider(),
                            model,
                            kind);
                }
            }
        } catch (RuntimeException e) { // the run goes on; the others find it out for themselves
            log.warn("Could not share {} of {}: {}", kind, news.route(), e.getMessage());
        }
    }

    /** What the other processes of the run found out, that this process's chain has not acted on yet. */
    private void learn(long executionId, ProviderChain chain) {
        Set<String> done = learnt.computeIfAbsent(executionId, id -> ConcurrentHashMap.newKeySet());
        try {
            jdbc.query(
                    "SELECT kind, provider, model, why, open_until, CURRENT_TIMESTAMP FROM route_outage"
                            + " WHERE job_execution_id = ? AND worker <> ?",
                    row -> {
                        RouteNews.Kind kind =
                                RouteNews.Kind.valueOf(row.getString(1).toUpperCase(Locale.ROOT));
                        OffsetDateTime openUntil = row.getObject(5, OffsetDateTime.class);
                        if (openUntil != null && !openUntil.isAfter(row.getObject(6, OffsetDateTime.class))) {
                            return; // that breaker's cooldown is over
                        }
                        String key =
                                row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " " + openUntil;
                        if (done.add(key)) {
                            chain.learn(new RouteNews(
                                    kind, new Route(row.getString(2), row.getString(3)), row.getString(4)));
                        }
                    },
                    executionId,
                    me);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not read what the other processes of execution {} found out: {}",
                    executionId,
                    e.getMessage());
        }
    }

    /** Every chain here learns what the other processes found out since it last looked. */
    void learnAll() {
        chains.forEach(this::learn);
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "route-health");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(
                this::learnAll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        poller.shutdownNow();
        poller = null;
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
