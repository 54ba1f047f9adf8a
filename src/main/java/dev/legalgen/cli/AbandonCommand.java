package dev.legalgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "abandon", mixinStandardHelpOptions = true, description = "Mark a FAILED or STOPPED execution ABANDONED")
final class AbandonCommand extends SpringCommand {

    @Parameters(paramLabel = "EXECUTION", description = " it will never restart.:execution id or last")
    String execution;

    @Override
    public Integer call() {
        return launch(launcher -> launcher.abandon(execution));
    }
}
