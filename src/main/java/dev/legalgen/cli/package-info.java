/**
 * The command line: one picocli command per verb, each running in its own Spring context, and the mapping
 * of what a command threw to a message and an exit code. May use {@code operations}, {@code job} and (for
 * {@code simulate}) {@code simulator}; nothing depends on it.
 */
package dev.legalgen.cli;
