package dev.legalgen.cli;

import dev.legalgen.operations.ExecutionReports;
import dev.legalgen.operations.Executions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Status of an execution: counts, samples committed, partitions, provider chain.")
final class StatusCommand extends SpringCommand {

    @Parameters(
            paramLabel = "EXECUTION",
            arity = "0..1",
            defaultValue = Executions.LAST,
            description = "execution id or last (default: last)")
    String execution;

    @Override
    public Integer call() {
        List<String> lines = inContext(context -> context.getBean(ExecutionReports.class)
                .status(context.getBean(Executions.class).find(execution)));
        lines.forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
