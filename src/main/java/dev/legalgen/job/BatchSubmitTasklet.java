package dev.legalgen.job;

import dev.legalgen.batchmode.BatchSubmission;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The submit step of a round ({@link BatchSubmission}); its write count is the lines it sent. */
final class BatchSubmitTasklet implements Tasklet {

    private final int round;
    private final BatchRuns runs;
    private final BatchSubmission submission;

    BatchSubmitTasklet(int round, BatchRuns runs, BatchSubmission submission) {
        this.round = round;
        this.runs = runs;
        this.submission = submission;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = contribution.getStepExecution().getJobExecution();
        BatchSubmission.Submitted submitted = submission.submit(runs.of(job), round);
        contribution.incrementWriteCount(submitted.lines());
        if (submitted.refusal() != null) {
            BatchBudgetStop.refused(job, submitted.refusal());
        }
        return RepeatStatus.FINISHED;
    }
}
