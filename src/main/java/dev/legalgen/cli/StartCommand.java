package dev.legalgen.cli;

import dev.legalgen.job.DatasetParameters;
import dev.legalgen.operations.DatasetLauncher;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Launch the dataset job. The same parameters as a FAILED or STOPPED instance restart it"
                + " from its last committed chunk; as a COMPLETED one, exit 0 without generating.")
final class StartCommand extends SpringCommand {

    @Option(names = "--next", description = "Launch a new instance even with the same parameters (adds runId).")
    boolean next;

    @Option(
            names = "--recover-stale",
            description = "If this instance's last execution was left running by a"
                    + " process that is gone (kill -9, lost machine), mark it"
                    + " FAILED and continue it. Only when you know no"
                    + " other process runs it.")
    boolean recoverStale;

    @Parameters(
            paramLabel = "name=value",
            description = "Job parameters: dataset, targetCount, practiceAreas,"
                    + " difficulties, catalog, chain, output, runId.")
    List<String> parameters = new ArrayList<>();

    @Override
    public Integer call() {
        return launch(DatasetLauncher.class, launcher -> launcher.start(parameters(launcher), recoverStale));
    }

    private DatasetParameters parameters(DatasetLauncher launcher) {
        DatasetParameters params = DatasetParameters.parse(parameters, launcher.defaultChain());
        return next ? params.withFreshRunId() : params;
    }
}
