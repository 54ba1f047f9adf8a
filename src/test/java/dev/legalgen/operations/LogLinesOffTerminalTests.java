package dev.legalgen.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.job.ChunkProgressLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

class LogLinesOffTerminalTests {

    private static final String CHUNK_LINES = ChunkProgressLog.class.getName();

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    private final LogLinesOffTerminal quietLines = new LogLinesOffTerminal(logging);

    @AfterEach
    void inheritAgain() {
        LogLinesOffTerminal.LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void hidesTheLinesWhileTheProgressLineShowsThenGivesThemBackTheirLevel() {
        // given
        LogLinesOffTerminal.LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.INFO));

        // when
        quietLines.hide();

        // then
        assertThat(LogLinesOffTerminal.LOGGERS)
                .allSatisfy(logger -> assertThat(
                                logging.getLoggerConfiguration(logger).getEffectiveLevel())
                        .isEqualTo(LogLevel.WARN));

        // when
        quietLines.show();

        // then
        assertThat(LogLinesOffTerminal.LOGGERS)
                .allSatisfy(logger -> assertThat(
                                logging.getLoggerConfiguration(logger).getConfiguredLevel())
                        .isEqualTo(LogLevel.INFO));
    }

    @Test
    void aLoggerThatInheritedItsLevelInheritsItAgain() {
        // given no level of its own
        logging.setLogLevel(CHUNK_LINES, null);

        // when
        quietLines.hide();
        quietLines.show();

        // then
        assertThat(logging.getLoggerConfiguration(CHUNK_LINES).getConfiguredLevel())
                .isNull();
    }

    @Test
    void aLevelAlreadyAboveInfoIsLeftAlone() {
        // given
        logging.setLogLevel(CHUNK_LINES, LogLevel.ERROR);

        // when
        quietLines.hide();

        // then
        assertThat(logging.getLoggerConfiguration(CHUNK_LINES).getEffectiveLevel())
                .isEqualTo(LogLevel.ERROR);
        quietLines.show();
        assertThat(logging.getLoggerConfiguration(CHUNK_LINES).getConfiguredLevel())
                .isEqualTo(LogLevel.ERROR);
    }
}
