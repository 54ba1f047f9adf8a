package dev.legalgen.operations;

import dev.legalgen.export.CardFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** The card's facts of a run, from the same summary and ledger as {@code status} and the REST status. */
@Component
public class RunCardFacts implements CardFacts {

    private final JobRepository jobRepository;
    private final ExecutionReports reports;
    private final CoverageLedger coverage;

    public RunCardFacts(JobRepository jobRepository, ExecutionReports reports, CoverageLedger coverage) {
        this.jobRepository = jobRepository;
        this.reports = reports;
        this.coverage = coverage;
    }

    @Override
    public Facts of(long jobExecutionId) {
        JobExecution execution = jobRepository.getJobExecution(jobExecutionId);
        ExecutionSummary summary = reports.summary(execution);
        List<Coverage> cells = coverage.of(execution).stream()
                .map(cell -> new Coverage(
                        cell.practiceArea(),
                        cell.topic(),
                        cell.difficulty(),
                        cell.planned(),
                        cell.committed(),
                        missing(cell.missing())))
                .toList();
        long planned = summary.parameters().targetCount();
        return new Facts(
                summary.parameters().dataset(),
                summary.instanceId(),
                summary.status().name(),
                summary.samplesCommitted() >= planned,
                planned,
                cells,
                quality(summary),
                summary.spend());
    }

    private static Map<String, Long> missing(Map<String, Integer> byReason) {
        Map<String, Long> missing = new TreeMap<>();
        byReason.forEach((reason, count) -> missing.put(reason, (long) count));
        return missing;
    }

    private static Map<String, Long> quality(ExecutionSummary summary) {
        QualityCounts quality = summary.quality();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("re-asks", quality.reaskTotal());
        quality.reasks().forEach((reason, count) -> counts.put("re-asks: " + reason, count));
        counts.put("given up (skipped)", quality.givenUpTotal());
        quality.givenUp().forEach((reason, count) -> counts.put("given up: " + reason, count));
        counts.put("duplicates refused: exact", quality.exactDuplicates());
        counts.put("duplicates refused: near", quality.nearDuplicates());
        quality.citations().forEach((check, count) -> counts.put("citation check: " + check, count));
        counts.put("items skipped (this execution)", summary.counts().skipped());
        return counts;
    }
}
