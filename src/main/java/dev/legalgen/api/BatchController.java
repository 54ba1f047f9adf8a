package dev.legalgen.api;

import dev.legalgen.job.DatasetParameters;
import dev.legalgen.operations.CoverageLedger;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExecutionOperations;
import dev.legalgen.operations.Executions;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import java.util.List;
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

    private final BatchLaunches launches;
    private final DatasetLauncher launcher;
    private final RecentStatuses statuses;
    private final Executions executions;
    private final ExecutionOperations operations;
    private final CoverageLedger coverage;

    BatchController(
            BatchLaunches launches,
            DatasetLauncher launcher,
            RecentStatuses statuses,
            Executions executions,
            ExecutionOperations operations,
            CoverageLedger coverage) {
        this.coverage = coverage;
        this.launches = launches;
        this.launcher = launcher;
        this.statuses = statuses;
        this.executions = executions;
        this.operations = operations;
    }

    /** 202 launched (or restarted), 200 already complete, 409 running or not restartable. */
    @PostMapping("/start")
    ResponseEntity<LaunchBody> start(@RequestBody(required = false) BatchStartRequest request) {
        DatasetParameters params = parameters(request == null ? BatchStartRequest.EMPTY : request);
        return launches.launch(params);
    }

    @GetMapping("/status")
    StatusBody status(@RequestParam(name = "execution_id", required = false) Long executionId) {
        return statuses.of(executions.find(executionId == null ? Executions.LAST : String.valueOf(executionId)));
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
        statuses.changed(outcome.executionId());
        return ResponseEntity.accepted()
                .body(new LaunchBody(
                        outcome.executionId(), executions.find(ref).getStatus().name(), outcome.message()));
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
