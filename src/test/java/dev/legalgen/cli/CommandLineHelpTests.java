package dev.legalgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** What {@code --help} shows, read from the command line's own usage text. */
class CommandLineHelpTests {

    private final CommandLine commandLine = new CommandLine(Legalgen.class);

    @Test
    void theCommandListShowsServesWholeDescription() {
        // when
        String usage = commandLine.getUsageMessage(Ansi.OFF).replaceAll("\\s+", " ");

        // then: not cut off after its first line
        assertThat(usage)
                .contains("serve Run the REST API (and /actuator health, metrics, prometheus) on 127.0.0.1 until"
                        + " SIGTERM or Ctrl-C, which stop running batches after their current chunk.");
    }

    @Test
    void statusShowsItsExecutionAsOptional() {
        // when
        String usage = commandLine.getSubcommands().get("status").getUsageMessage(Ansi.OFF);

        // then
        assertThat(usage).contains("Usage: legalgen status [-hV] [EXECUTION]").contains("(default: last)");
    }
}
