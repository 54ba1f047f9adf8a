package dev.legalgen.api;

import dev.legalgen.job.DatasetParameters;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.Executions;
import dev.legalgen.operations.Outcome;
import dev.legalgen.operations.Refusal;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Launches in the background, answered in the API's terms, for the start and the restart endpoints alike: 202 with
 * the new execution, 200 when the instance is complete, 409 when the restart rules refuse, 503 when this server
 * runs as many batches as it takes.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BatchLaunches {

    private final AsyncDatasetLauncher asyncLauncher;
    private final Executions executions;

    BatchLaunches(AsyncDatasetLauncher asyncLauncher, Executions executions) {
        this.asyncLauncher = asyncLauncher;
        this.executions = executions;
    }

    ResponseEntity<LaunchBody> launch(DatasetParameters params) {
        DatasetLauncher.Launch launch = asyncLauncher.start(params);
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

    private ResponseEntity<LaunchBody> refused(Outcome outcome) {
        if (outcome.refusal() == Refusal.COMPLETE) {
            return ResponseEntity.ok(
                    new LaunchBody(outcome.executionId(), BatchStatus.COMPLETED.name(), Refusals.detail(outcome)));
        }
        throw new ApiException(HttpStatus.CONFLICT, null, Refusals.detail(outcome));
    }
}
