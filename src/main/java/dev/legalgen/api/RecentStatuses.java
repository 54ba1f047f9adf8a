package dev.legalgen.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.legalgen.operations.ExecutionReports;
import java.time.Duration;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The REST status of each execution, summarised at most once per {@link #FRESHNESS}: every open dashboard polls it
 * once a second, and a summary reads the instance's samples and calls, so without this ten pages cost a running job
 * ten summaries a second (README, Benchmarks: the dashboard). Concurrent requests for one execution wait for one
 * summary. What an operator does to an execution ({@link #changed}) makes its next status fresh.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RecentStatuses {

    static final Duration FRESHNESS = Duration.ofSeconds(1);

    private final ExecutionReports reports;
    private final Cache<Long, StatusBody> statuses =
            Caffeine.newBuilder().expireAfterWrite(FRESHNESS).maximumSize(256).build();

    RecentStatuses(ExecutionReports reports) {
        this.reports = reports;
    }

    StatusBody of(JobExecution execution) {
        return statuses.get(execution.getId(), id -> StatusBody.of(reports.summary(execution)));
    }

    /** The execution was stopped or abandoned here: its next status is summarised afresh. */
    void changed(long executionId) {
        statuses.invalidate(executionId);
    }
}
