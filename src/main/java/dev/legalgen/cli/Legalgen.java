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
        versionProvider = Legalgen.Version.class,
        description = "Builds legal Q&A training datasets with a restartable Spring Batch job.",
        subcommands = {
            StartCommand.class,
            OperatorCommands.Restart.class,
            OperatorCommands.Stop.class,
            OperatorCommands.Abandon.class,
            OperatorCommands.Recover.class,
            StatusCommand.class,
            ExportCommand.class,
            ListCommand.class,
            SimulateCommand.class,
            ServeCommand.class,
            WorkerCommand.class,
            QualityBenchCommand.class
        },
        footer = {
            "%nSpring properties may follow any command as --name.with.dots=value; --debug prints the stack trace"
                    + " of a failure after its message.",
            "%nExit codes: 0 completed (or already complete), 1 failed (restartable), 2 usage or configuration"
                    + " error, 3 stopped (restartable), 4 already running (or left running by a crash: recover),"
                    + " 5 no such execution or not restartable, 130/143 interrupted by SIGINT/SIGTERM (stopped,"
                    + " restartable)."
        })
public final class Legalgen implements Runnable {

    /** Any command: print the stack trace of a failure after its one-line message. */
    private static final String DEBUG = "--debug";

    private Legalgen() {}

    public static int run(String[] args) {
        List<String> commandArgs = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        boolean debug = false;
        for (String arg : args) {
            if (DEBUG.equals(arg)) {
                debug = true;
            } else {
                (isSpringProperty(arg) ? springArgs : commandArgs).add(arg);
            }
        }
        CommandLine commandLine = new CommandLine(new Legalgen(), new CommandFactory(springArgs));
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("legalgen: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCode.USAGE.code();
        });
        commandLine.setExecutionExceptionHandler(new FailureReporter(debug));
        commandLine
                .getSubcommands()
                .values()
                .forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        return commandLine.execute(commandArgs.toArray(String[]::new));
    }

    /** {@code --spring.datasource.url=...}: a dotted name marks a Spring property, not an option. */
    static boolean isSpringProperty(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 2 && arg.substring(2, eq).contains(".");
    }

    /** The version the jar's manifest carries (Maven's project version), for -V on any command. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Legalgen.class.getPackage().getImplementationVersion();
            return new String[] {"legal-dataset-batch " + (version == null ? "(not built as a jar)" : version)};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command");
    }
}
