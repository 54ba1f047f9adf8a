package dev.legalgen.cli;

import dev.legalgen.LegalDatasetApplication;
import dev.legalgen.operations.Outcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs inside the application context (database, job, providers). */
abstract class SpringCommand implements Callable<Integer> {

    List<String> springArgs = List.of();

    @Spec
    CommandSpec spec;

    /** Starts the context, runs the command, closes the context (which stops a running job gracefully). */
    <T> T inContext(Function<ConfigurableApplicationContext, T> work) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LegalDatasetApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            return work.apply(context);
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
