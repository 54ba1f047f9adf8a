package dev.legalgen.cli;

import java.util.List;
import picocli.CommandLine;

/** Hands every command the Spring properties given on the command line. */
final class CommandFactory implements CommandLine.IFactory {

    private final List<String> springArgs;

    CommandFactory(List<String> springArgs) {
        this.springArgs = List.copyOf(springArgs);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K instance = CommandLine.defaultFactory().create(type);
        if (instance instanceof SpringCommand command) {
            command.springArgs = springArgs;
        }
        return instance;
    }
}
