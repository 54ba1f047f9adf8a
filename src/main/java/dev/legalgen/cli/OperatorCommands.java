package dev.legalgen.cli;

import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExecutionOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The operator commands on one execution: restart, stop, abandon, recover. Exit 0 when done as asked. */
final class OperatorCommands {

    private OperatorCommands() {}

    /** An operator command: which execution, and what is done with it. */
    abstract static class OnExecution extends SpringCommand {

        @Parameters(paramLabel = "EXECUTION", description = "execution id, or last")
        String execution;
    }

    @Command(
            name = "restart",
            mixinStandardHelpOptions = true,
            description = "Restart a FAILED or STOPPED execution in this process, from its last committed chunk.")
    static final class Restart extends OnExecution {
        @Override
        public Integer call() {
            return launch(DatasetLauncher.class, launcher -> launcher.restart(execution));
        }
    }

    @Command(
            name = "stop",
            mixinStandardHelpOptions = true,
            description = "Ask a running execution in another process to stop after its current chunk (it then"
                    + " exits 3). Needs PostgreSQL: with the embedded H2 database, send SIGTERM to the running"
                    + " process instead.")
    static final class Stop extends OnExecution {
        @Override
        public Integer call() {
            return launch(ExecutionOperations.class, operations -> operations.stop(execution));
        }
    }

    @Command(
            name = "abandon",
            mixinStandardHelpOptions = true,
            description = "Mark a FAILED or STOPPED execution ABANDONED: its instance will never run again.")
    static final class Abandon extends OnExecution {
        @Override
        public Integer call() {
            return launch(ExecutionOperations.class, operations -> operations.abandon(execution));
        }
    }

    @Command(
            name = "recover",
            mixinStandardHelpOptions = true,
            description = "Mark an execution left STARTED by a crashed process (kill -9, power loss) FAILED, so"
                    + " that the same start command continues it. Make sure its process is gone first.")
    static final class Recover extends OnExecution {
        @Override
        public Integer call() {
            return launch(ExecutionOperations.class, operations -> operations.recover(execution));
        }
    }
}
