package dev.legalgen.cli;

import dev.legalgen.operations.DatasetExports;
import dev.legalgen.operations.Executions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write an instance's committed samples for trainers: DIR/<format>/<split>.jsonl and a dataset"
                + " card, DIR/README.md.")
final class ExportCommand extends SpringCommand {

    @Parameters(
            paramLabel = "EXECUTION",
            arity = "0..1",
            defaultValue = Executions.LAST,
            description = "execution id or last (default: last); its instance is exported")
    String execution;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "native, openai-chat, alpaca, sharegpt or all; repeatable (default: legalgen.export.formats,"
                    + " or all)")
    List<String> formats = new ArrayList<>();

    @Option(
            names = "--split",
            paramLabel = "SPLITS",
            description =
                    "splits and shares, e.g. train=0.9,validation=0.05,test=0.05 (default: legalgen.export.split)")
    String split;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "the directory to write (default: beside the instance's native file, out/<dataset>/instance-<id>)")
    Path out;

    @Override
    public Integer call() {
        return launch(DatasetExports.class, exports -> exports.export(execution, formats, split, out));
    }
}
