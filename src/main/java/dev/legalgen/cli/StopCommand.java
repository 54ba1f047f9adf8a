package dev.legalgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "stop", mixinStandardHelpOptions = true, description = "Ask a running execution (in another process; PostgreSQL) to stop after its current chunk. With the embedded H2 database, send SIGTERM to the running process instead.")
final class StopCommand extends SpringCommand {

    @Parameters(paramLabel = "EXECUTION", description = "execution id or last")
    String execution;

    @Override
    public Integer call() {
        return launch(launcher -> launcher.stop(execution));
    }
}
