package dev.legalgen.cli;

import dev.legalgen.config.InvalidConfigurationException;
import dev.legalgen.job.UsageException;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.NoSuchExecutionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.web.server.PortInUseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns what a command threw into a message on stderr and its exit code (README, Exit codes). */
final class FailureReporter implements IExecutionExceptionHandler {

    /**
     * Flyway's own advice (baseline) would skip our first migrations in a schema that holds other tables, so legalgen
     * creates its tables only in an empty schema (README, PostgreSQL).
     */
    private static final String NOT_OUR_SCHEMA = "the database schema holds tables but no legalgen schema history"
            + " (another application's tables?); legalgen creates its tables only in an empty schema: point"
            + " SPRING_DATASOURCE_URL at an empty database, or at an empty schema of its own (CREATE SCHEMA legalgen,"
            + " then ...?currentSchema=legalgen)";

    private final boolean debug;

    /** @param debug also print the stack trace ({@code --debug}) */
    FailureReporter(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        Failure failure = classify(e);
        PrintWriter err = commandLine.getErr();
        failure.lines().forEach(line -> err.println("legalgen: " + line));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return failure.exitCode().code();
    }

    private record Failure(ExitCode exitCode, List<String> lines) {

        Failure(ExitCode exitCode, String message) {
            this(exitCode, List.of(message));
        }
    }

    private static Failure classify(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) {
                return new Failure(ExitCode.USAGE, invalid.problems());
            }
            if (cause instanceof PortInUseException inUse) {
                return new Failure(
                        ExitCode.USAGE,
                        "port " + inUse.getPort() + " is in use by another process; choose another with --port N"
                                + " (or --server.port=N), or --port 0 to pick a free one");
            }
            if (cause instanceof UsageException) {
                return new Failure(ExitCode.USAGE, cause.getMessage());
            }
            if (cause instanceof NoSuchExecutionException) {
                return new Failure(ExitCode.NOT_RESTARTABLE, cause.getMessage());
            }
            if (cause instanceof BindException bind) {
                return new Failure(ExitCode.USAGE, "configuration: " + bind.getName() + ": " + rootMessage(bind));
            }
            if (cause instanceof FlywayException flyway
                    && flyway.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
                return new Failure(ExitCode.USAGE, NOT_OUR_SCHEMA);
            }
            if (cause instanceof SQLException sql && isDatabaseInUse(sql)) {
                return new Failure(ExitCode.ALREADY_RUNNING, embeddedDatabaseInUse());
            }
            if (cause instanceof SQLException sql) {
                return new Failure(
                        ExitCode.USAGE,
                        "cannot use the database (" + sql.getMessage()
                                + "); check SPRING_DATASOURCE_URL, USERNAME and PASSWORD");
            }
        }
        return new Failure(ExitCode.FAILED, rootMessage(e));
    }

    /**
     * H2 lets one process open its file (README, design notes: why not H2's mixed mode), so the other process is
     * named for the operator to watch or stop.
     */
    private static String embeddedDatabaseInUse() {
        List<Long> others = ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> process.info()
                        .commandLine()
                        .filter(line -> line.contains("legal-dataset-batch"))
                        .isPresent())
                .filter(FailureReporter::runsInThisDirectory)
                .map(ProcessHandle::pid)
                .toList();
        String pid = others.size() == 1 ? others.get(0).toString() : "<pid>";
        return "the embedded database is open in another legalgen process"
                + (others.isEmpty()
                        ? ""
                        : " (pid " + others.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                + ", and H2 lets one process open it at a time: watch that run's progress line or log, stop it with kill"
                + " -TERM " + pid + " (it stops after its current chunk), and run this command when it has ended; with"
                + " PostgreSQL, status, list and stop work from any terminal";
    }

    /**
     * The default database path is relative to the working directory, so the process holding it runs in ours. Where
     * the operating system does not tell (no {@code /proc}), every legalgen process is a candidate.
     */
    private static boolean runsInThisDirectory(ProcessHandle process) {
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), Path.of(""));
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    /** H2 refuses a second process on the same file with error 90020. */
    private static boolean isDatabaseInUse(SQLException e) {
        return e.getErrorCode() == 90020;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
