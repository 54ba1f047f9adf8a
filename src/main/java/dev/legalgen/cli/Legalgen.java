package dev.legalgen.cli;

import dev.legalgen.operations.ExitCode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line (README, Command line); {@link #run} returns the process exit code. */
@Command(
        name = "legalgen",
        mixinStandardHelpOptions = true,
        version = "legal-dataset-batch 0.1.0",
        description = "Builds legal Q&A training datasets with a restartable Spring Batch job.",
        subcommands = {
            StartCommand.class,
            OperatorCommands.Restart.class,
            OperatorCommands.Stop.class,
            OperatorCommands.Abandon.class,
            OperatorCommands.Recover.class,
            StatusCommand.class,
            ListCommand.class,
            SimulateCommand.class,
            ServeCommand.class
        },
        footer = {
            "%nSpring properties may follow any command as --name.with.dots=value.",
            "%nExit codes: 0 completed (or already complete), 1 failed (restartable), 2 usage or configuration"
                    + " error, 3 stopped (restartable), 4 already running (or left running by a crash: recover),"
                    + " 5 no such execution or not restartable, 130/143 interrupted by SIGINT/SIGTERM (stopped,"
                    + " restartable)."
        })
public final class Legalgen implements Runnable {

    private Legalgen() {}

    public static int run(String[] args) {
        List<String> commandArgs = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            (isSpringProperty(arg) ? springArgs : commandArgs).add(arg);
        }
        CommandLine commandLine = new CommandLine(new Legalgen(), new CommandFactory(springArgs));
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("legalgen: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCode.USAGE.code();
        });
        commandLine.setExecutionExceptionHandler(new FailureReporter());
        return commandLine.execute(commandArgs.toArray(String[]::new));
    }

    /** {@code --spring.datasource.url=...}: a dotted name marks a Spring property, not an option. */
    static boolean isSpringProperty(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 2 && arg.substring(2, eq).contains(".");
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command");
    }
}
