package dev.legalgen.api;

import dev.legalgen.job.DatasetParameters;
import dev.legalgen.operations.ExecutionOperations;
import dev.legalgen.operations.ExecutionReports;
import dev.legalgen.operations.Executions;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The executions as the command line's {@code list} has them, and the operator's {@code restart} and {@code abandon}
 * on one of them, with the same rules (the dashboard's runs view drives these).
 */
@RestController
@RequestMapping("/api/generate/batch")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExecutionsController {

    /** Most executions {@code GET /executions} lists. */
    static final int MAX_EXECUTIONS = 200;

    private final BatchLaunches launches;
    private final ExecutionReports reports;
    private final Executions executions;
    private final ExecutionOperations operations;
    private final RecentStatuses statuses;

    ExecutionsController(
            BatchLaunches launches,
            ExecutionReports reports,
            Executions executions,
            ExecutionOperations operations,
            RecentStatuses statuses) {
        this.launches = launches;
        this.reports = reports;
        this.executions = executions;
        this.operations = operations;
        this.statuses = statuses;
    }

    /** The executions of the latest {@code limit} instances, newest first, at most {@code limit} of them. */
    @GetMapping("/executions")
    List<ExecutionItem> executions(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_EXECUTIONS) {
            throw ApiException.badRequest("limit", limit + " is out of range; allowed: 1 to " + MAX_EXECUTIONS);
        }
        return reports.recent(limit).stream()
                .limit(limit)
                .map(ExecutionItem::of)
                .toList();
    }

    /**
     * 202 when a FAILED or STOPPED execution restarts (the new execution is in the answer), on the start's
     * restart rules: its instance launched again with the parameters it had, so the body of its start would do the
     * same. 409 when it is not the latest of its instance, or the rules refuse (running, complete, abandoned).
     */
    @PostMapping("/restart")
    ResponseEntity<LaunchBody> restart(@RequestBody(required = false) ExecutionRequest request) {
        JobExecution execution = executions.find(String.valueOf(ExecutionRequest.required(request)));
        JobExecution latest = executions.latestOf(execution.getJobInstance());
        if (latest.getId() != execution.getId()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "execution_id",
                    "execution " + execution.getId() + " is not the latest of its instance: restart execution "
                            + latest.getId() + " (" + latest.getStatus() + ")");
        }
        if (!latest.isRunning()
                && latest.getStatus() != BatchStatus.FAILED
                && latest.getStatus() != BatchStatus.STOPPED) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "execution_id",
                    "execution " + execution.getId() + " is " + execution.getStatus()
                            + "; only FAILED or STOPPED executions restart");
        }
        return launches.launch(DatasetParameters.from(execution.getJobParameters()));
    }

    /** 200 when a FAILED or STOPPED execution is marked ABANDONED (it never restarts), 409 otherwise. */
    @PostMapping("/abandon")
    ResponseEntity<LaunchBody> abandon(@RequestBody(required = false) ExecutionRequest request) {
        String ref = String.valueOf(ExecutionRequest.required(request));
        Outcome outcome = operations.abandon(ref);
        if (outcome.exitCode() != ExitCode.OK) {
            throw new ApiException(HttpStatus.CONFLICT, "execution_id", outcome.message());
        }
        statuses.changed(outcome.executionId());
        return ResponseEntity.ok(new LaunchBody(
                outcome.executionId(), executions.find(ref).getStatus().name(), outcome.message()));
    }
}
