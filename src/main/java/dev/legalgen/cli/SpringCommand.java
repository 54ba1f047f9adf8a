package dev.legalgen.cli;

import dev.legalgen.LegalDatasetApplication;
import dev.legalgen.config.ConfigurationCheck;
import dev.legalgen.operations.Outcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs inside the application context (database, job, providers). */
abstract class SpringCommand implements Callable<Integer> {

    List<String> springArgs = List.of();

    @Spec
    CommandSpec spec;

    /** Starts the context, runs the command, closes the context (which stops a running job gracefully). */
    <T> T inContext(Function<ConfigurableApplicationContext, T> work) {
        try (ConfigurableApplicationContext context = start(WebApplicationType.NONE, springArgs)) {
            return work.apply(context);
        }
    }

    /** The application's context, started once its whole configuration has been checked. */
    static ConfigurableApplicationContext start(WebApplicationType type, List<String> args) {
        return new SpringApplicationBuilder(LegalDatasetApplication.class)
                .web(type)
                .logStartupInfo(false)
                .initializers(new ConfigurationCheck(LegalDatasetApplication.class))
                .run(args.toArray(String[]::new));
    }

    /**
     * Until SIGTERM or Ctrl-C: returning would let main call System.exit while batches run, so this waits for the
     * shutdown hook to close the context (after the graceful stop); the JVM then exits with the signal's code.
     */
    static void awaitClose(ConfigurableApplicationContext context) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
    }

    /** Runs a command on one of the application's beans, prints its outcome, returns its exit code. */
    <T> int launch(Class<T> bean, Function<T, Outcome> command) {
        Outcome outcome = inContext(context -> command.apply(context.getBean(bean)));
        return report(outcome);
    }

    int report(Outcome outcome) {
        PrintWriter out = outcome.exitCode().code() == 0
                ? spec.commandLine().getOut()
                : spec.commandLine().getErr();
        out.println(outcome.message());
        out.flush();
        return outcome.exitCode().code();
    }
}
