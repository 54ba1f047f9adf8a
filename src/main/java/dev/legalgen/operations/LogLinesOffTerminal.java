package dev.legalgen.operations;

import dev.legalgen.export.JsonlExporter;
import dev.legalgen.job.ChunkProgressLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Keeps the INFO lines the progress line stands for off the terminal while it shows: each chunk's line (the
 * progress line counts the samples) and the export's (the command's last line repeats it). Printed under the
 * progress line, they would break it. Simpler and sturdier than redrawing the line around every log line, which
 * would mean taking standard output over from the logging system; a run without a console (a scheduler's log)
 * keeps them, and so does {@code legalgen.progress=false}. Warnings still show.
 */
final class LogLinesOffTerminal {

    static final List<String> LOGGERS = List.of(ChunkProgressLog.class.getName(), JsonlExporter.class.getName());

    private final LoggingSystem logging;
    /** The level each raised logger was configured with (null: its parent's), to give back. */
    private final Map<String, LogLevel> raised = new HashMap<>();

    LogLinesOffTerminal(LoggingSystem logging) {
        this.logging = logging;
    }

    /** Raises each logger's level to WARN, unless it is already as high. */
    synchronized void hide() {
        for (String logger : LOGGERS) {
            LoggerConfiguration current = logging.getLoggerConfiguration(logger);
            LogLevel effective = current == null ? null : current.getEffectiveLevel();
            if (raised.containsKey(logger) || (effective != null && effective.compareTo(LogLevel.WARN) >= 0)) {
                continue;
            }
            raised.put(logger, current == null ? null : current.getConfiguredLevel());
            logging.setLogLevel(logger, LogLevel.WARN);
        }
    }

    /** Gives every raised logger back the level it was configured with. */
    synchronized void show() {
        raised.forEach(logging::setLogLevel);
        raised.clear();
    }
}
