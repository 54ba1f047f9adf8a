package dev.legalgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart a FAILED or STOPPED execution in this process.")
final class RestartCommand extends SpringCommand {

    @Parameters(paramLabel = "EXECUTION", description = "execution id or last")
    String execution;

    @Override
    public Integer call() {
        return launch(launcher -> launcher.restart(execution));
    }
}
