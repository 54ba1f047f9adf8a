package dev.legalgen.operations;

import dev.legalgen.export.DirectoryExporter;
import dev.legalgen.export.ExportFormat;
import dev.legalgen.export.ExportFormats;
import dev.legalgen.export.ExportSettings;
import dev.legalgen.export.SplitPlan;
import dev.legalgen.export.UnwritableExportException;
import dev.legalgen.job.DatasetParameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * {@code export}: the trainer-ready layout of any instance, completed, failed or stopped (the card of a partial one
 * says so), from its committed samples only; the formats and splits default to {@code legalgen.export.*}.
 */
@Component
public class DatasetExports {

    private final Executions executions;
    private final DirectoryExporter exporter;
    private final ExportFormats formats;
    private final ExportSettings settings;

    public DatasetExports(
            Executions executions, DirectoryExporter exporter, ExportFormats formats, ExportSettings settings) {
        this.executions = executions;
        this.exporter = exporter;
        this.formats = formats;
        this.settings = settings;
    }

    /**
     * Exports the instance of {@code execution} (an id or {@code last}); {@code formatNames} empty means the
     * configured formats (all when none are), {@code split} null the configured split, {@code out} null the
     * directory beside the instance's native file.
     */
    public Outcome export(String execution, List<String> formatNames, String split, Path out) {
        List<ExportFormat> chosen;
        try {
            chosen = formats.select(formatNames.isEmpty() ? defaultFormats() : formatNames);
        } catch (IllegalArgumentException e) {
            return Outcome.of(ExitCode.USAGE, null, "--format " + e.getMessage());
        }
        SplitPlan plan;
        try {
            plan = split == null ? settings.splitPlan() : SplitPlan.parse(split);
        } catch (IllegalArgumentException e) {
            return Outcome.of(ExitCode.USAGE, null, "--split " + e.getMessage());
        }
        JobExecution found = executions.find(execution);
        long instanceId = found.getJobInstance().getInstanceId();
        Path directory = out != null
                ? out
                : DatasetParameters.from(found.getJobParameters())
                        .exportTarget()
                        .layoutOf(instanceId);
        try {
            DirectoryExporter.Written written = exporter.export(found.getId(), chosen, plan, directory);
            return Outcome.of(
                    ExitCode.OK,
                    found.getId(),
                    "exported " + written.samples() + " samples of instance " + instanceId + " in "
                            + chosen.size() + " format(s) to " + written.directory() + " (card: "
                            + written.directory().resolve("README.md") + ")");
        } catch (UnwritableExportException | IOException e) {
            return Outcome.of(ExitCode.USAGE, found.getId(), e.getMessage());
        }
    }

    private List<String> defaultFormats() {
        return settings.formats().isEmpty() ? List.of(ExportFormats.ALL) : settings.formats();
    }
}
