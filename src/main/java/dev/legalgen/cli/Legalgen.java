package dev.legalgen.cli;

/** Entry point of the command line; returns the process exit code. */
public final class Legalgen {

    private Legalgen() {}

    public static int run(String[] args) {
        return 0;
    }
}
