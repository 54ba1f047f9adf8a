package dev.legalgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "recover", mixinStandardHelpOptions = true, description = "Mark an execution left STARTED by a crashed process (kill -9, power loss) FAILED, so that it can restart. Make sure its process is gone first.")
final class RecoverCommand extends SpringCommand {

    @Parameters(paramLabel = "EXECUTION", description = "execution id or last")
    String execution;

    @Override
    public Integer call() {
        return launch(launcher -> launcher.recover(execution));
    }
}
