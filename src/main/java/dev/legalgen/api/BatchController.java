package dev.legalgen.api;

import dev.legalgen.job.DatasetParameters;
import dev.legalgen.operations.CoverageLedger;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExecutionOperations;
import dev.legalgen.operations.ExecutionReports;
import dev.legalgen.operations.Executions;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.operations.Refusal;
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

/** The batch endpoints (README, REST API): the same job, restart rules and repository as the command line. */
@RestController
@RequestMapping("/api/generate/batch")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BatchController {

    /** Most executions {@code GET /executions} lists. */
    static final int MAX_EXECUTIONS = 200;

    private final AsyncDatasetLauncher asyncLauncher;
    private final DatasetLauncher launcher;
    private final ExecutionReports reports;
    private final Executions executions;
    private final ExecutionOperations operations;
    private final CoverageLedger coverage;

    BatchController(
            AsyncDatasetLauncher asyncLauncher,
            DatasetLauncher launcher,
            ExecutionReports reports,
            Executions executions,
            ExecutionOperations operations,
            CoverageLedger coverage) {
        this.coverage = coverage;
        this.asyncLauncher = asyncLauncher;
        this.launcher = launcher;
        this.reports = reports;
        this.executions = executions;
        this.operations = operations;
    }

    /** 202 launched (or restarted), 200 already complete, 409 running or not restartable. */
    @PostMapping("/start")
    ResponseEntity<LaunchBody> start(@RequestBody(required = false) BatchStartRequest request) {
        DatasetParameters params = parameters(request == null ? BatchStartRequest.EMPTY : request);
        return launched(asyncLauncher.start(params));
    }

    /** A start's or restart's answer: the new execution, or why it did not run. */
    private ResponseEntity<LaunchBody> launched(DatasetLauncher.Launch launch) {
        Outcome outcome = launch.outcome();
        if (!launch.launched()) {
            return refused(outcome);
        }
        JobExecution execution = executions.find(String.valueOf(outcome.executionId()));
        if (execution.getStatus() == BatchStatus.FAILED && execution.getStartTime() == null) {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    null,
                    AsyncDatasetLauncher.MAX_RUNNING
                            + " batches are already running in this server; send this body again when one ends"
                            + " (execution " + execution.getId() + " was not started; that starts it)");
        }
        return ResponseEntity.accepted()
                .body(new LaunchBody(
                        execution.getId(),
                        execution.getStatus().name(),
                        "execution " + execution.getId() + " launched; follow it at "
                                + Refusals.status(execution.getId())));
    }

    @GetMapping("/status")
    StatusBody status(@RequestParam(name = "execution_id", required = false) Long executionId) {
        return StatusBody.of(
                reports.summary(executions.find(executionId == null ? Executions.LAST : String.valueOf(executionId))));
    }

    /**
     * The coverage ledger of an execution's instance: every cell of its plan, planned, committed, and the missing
     * slots by the category of their last skip. Apart from the status, which a dashboard polls: it walks the plan.
     */
    @GetMapping("/coverage")
    List<CoverageCell> coverage(@RequestParam(name = "execution_id", required = false) Long executionId) {
        return coverage
                .of(executions.find(executionId == null ? Executions.LAST : String.valueOf(executionId)))
                .stream()
                .map(CoverageCell::of)
                .toList();
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
        return launched(asyncLauncher.start(DatasetParameters.from(execution.getJobParameters())));
    }

    /** 200 when a FAILED or STOPPED execution is marked ABANDONED (it never restarts), 409 otherwise. */
    @PostMapping("/abandon")
    ResponseEntity<LaunchBody> abandon(@RequestBody(required = false) ExecutionRequest request) {
        String ref = String.valueOf(ExecutionRequest.required(request));
        Outcome outcome = operations.abandon(ref);
        if (outcome.exitCode() != ExitCode.OK) {
            throw new ApiException(HttpStatus.CONFLICT, "execution_id", outcome.message());
        }
        return ResponseEntity.ok(new LaunchBody(
                outcome.executionId(), executions.find(ref).getStatus().name(), outcome.message()));
    }

    /** 202 when the execution will stop after its current chunk, 409 when it is not running. */
    @PostMapping("/stop")
    ResponseEntity<LaunchBody> stop(@RequestBody(required = false) StopRequest request) {
        String ref;
        if (request != null && request.executionId() != null) {
            ref = String.valueOf(request.executionId());
        } else {
            ref = executions
                    .latestRunning()
                    .map(e -> String.valueOf(e.getId()))
                    .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, null, "no execution is running"));
        }
        Outcome outcome = operations.stop(ref);
        if (outcome.exitCode() != ExitCode.OK) {
            throw new ApiException(HttpStatus.CONFLICT, null, outcome.message());
        }
        return ResponseEntity.accepted()
                .body(new LaunchBody(
                        outcome.executionId(), executions.find(ref).getStatus().name(), outcome.message()));
    }

    private ResponseEntity<LaunchBody> refused(Outcome outcome) {
        if (outcome.refusal() == Refusal.COMPLETE) {
            return ResponseEntity.ok(
                    new LaunchBody(outcome.executionId(), BatchStatus.COMPLETED.name(), Refusals.detail(outcome)));
        }
        throw new ApiException(HttpStatus.CONFLICT, null, Refusals.detail(outcome));
    }

    /** The body as job parameters, through the command line's builder, so both are validated alike. */
    private DatasetParameters parameters(BatchStartRequest request) {
        return DatasetParameters.builder(launcher.defaultChain())
                .targetCount(request.targetCount())
                .dataset(request.dataset())
                .practiceAreas(request.practiceAreas())
                .difficulties(request.difficulties())
                .chain(Chains.of(request.provider(), request.model()))
                .runId(request.runId())
                .output(request.output())
                .maxTokens(request.maxTokens())
                .maxCostUsd(request.maxCostUsd())
                .mode(request.mode())
                .build();
    }
}
