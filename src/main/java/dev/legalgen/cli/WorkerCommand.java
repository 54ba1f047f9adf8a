package dev.legalgen.cli;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = "Run partitions of the generate step for managers started with"
                + " --legalgen.job.partitioning=remote: takes them from the RabbitMQ queue legalgen.remote.queue"
                + " (broker at spring.rabbitmq.*), on the managers' PostgreSQL database, until SIGTERM or Ctrl-C,"
                + " which stop its partitions after their current chunk (STOPPED, restartable; exit 143/130).")
final class WorkerCommand extends SpringCommand {

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--legalgen.remote.worker=true");
        ConfigurableApplicationContext context = start(WebApplicationType.NONE, args);
        spec.commandLine()
                .getOut()
                .println("worker serving partitions from queue "
                        + context.getEnvironment().getProperty("legalgen.remote.queue", "legalgen.partitions")
                        + " (Ctrl-C or SIGTERM to stop)");
        spec.commandLine().getOut().flush();
        awaitClose(context);
        return 0;
    }
}
