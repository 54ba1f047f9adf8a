package dev.legalgen.cli;

import dev.legalgen.config.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        // one string, not lines: the command list shows a description's first line only
        description = "Run the REST API (and /actuator health, metrics, prometheus) on 127.0.0.1 until SIGTERM or"
                + " Ctrl-C, which stop running batches after their current chunk. --server.address=... binds"
                + " elsewhere.")
final class ServeCommand extends SpringCommand {

    @Option(names = "--port", description = "TCP port (default server.port, 8080; 0 picks a free one)")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>(springArgs);
        if (port != null) {
            if (port < 0 || port > 65535) {
                throw new InvalidConfigurationException(
                        List.of("--port: " + port + " is not a port; use 1-65535, or 0 to pick a free one"));
            }
            args.add("--server.port=" + port);
        }
        ConfigurableApplicationContext context = start(WebApplicationType.SERVLET, args);
        String root = "http://" + context.getEnvironment().getProperty("server.address", "127.0.0.1") + ":"
                + context.getEnvironment().getProperty("local.server.port");
        spec.commandLine()
                .getOut()
                .println("serving the REST API at " + root + "/api and the dashboard at " + root
                        + "/ (Ctrl-C or SIGTERM to stop)");
        spec.commandLine().getOut().flush();
        awaitClose(context);
        return 0;
    }
}
