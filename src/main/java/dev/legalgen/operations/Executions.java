package dev.legalgen.operations;

import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.job.UsageException;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/** Finds the dataset job's executions by id or {@code last}, in the JobRepository. */
@Component
public class Executions {

    public static final String LAST = "last";

    private final JobRepository jobRepository;

    public Executions(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** Resolves an execution id or {@code last}; unknown ids end the command with exit 5. */
    public JobExecution find(String executionRef) {
        JobExecution execution;
        if (LAST.equalsIgnoreCase(executionRef)) {
            JobInstance instance = jobRepository.getLastJobInstance(DatasetJobConfiguration.JOB_NAME);
            execution = instance == null ? null : jobRepository.getLastJobExecution(instance);
        } else {
            execution = byId(parseId(executionRef));
        }
        if (execution == null) {
            throw new NoSuchExecutionException(
                    LAST.equalsIgnoreCase(executionRef)
                            ? "there is no execution yet"
                            : "no execution with id " + executionRef);
        }
        return execution;
    }

    /** The newest execution still running (in any process sharing the database), if any. */
    public Optional<JobExecution> latestRunning() {
        return jobRepository.findRunningJobExecutions(DatasetJobConfiguration.JOB_NAME).stream()
                .max(Comparator.comparing(JobExecution::getId));
    }

    /** The latest execution of {@code instance}: the one its restart would continue. */
    public JobExecution latestOf(JobInstance instance) {
        return jobRepository.getLastJobExecution(instance);
    }

    /** Batch 6.0's JDBC DAO throws, rather than returning null, for an unknown id. */
    private JobExecution byId(long id) {
        try {
            return jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    private static long parseId(String ref) {
        try {
            return Long.parseLong(ref);
        } catch (NumberFormatException e) {
            throw new UsageException("'" + ref + "' is not an execution id: give a number or 'last'");
        }
    }
}
