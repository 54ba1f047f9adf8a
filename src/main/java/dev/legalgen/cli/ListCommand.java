package dev.legalgen.cli;

import dev.legalgen.operations.ExecutionReports;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Recent executions, newest first, one line each.")
final class ListCommand extends SpringCommand {

    @Option(names = "--instances", defaultValue = "20", description = "how many job instances (default 20)")
    int instances;

    @Override
    public Integer call() {
        List<String> lines =
                inContext(context -> context.getBean(ExecutionReports.class).list(instances));
        lines.forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
