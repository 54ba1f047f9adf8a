/**
 * Running the job as an operator and a scheduler see it: launching and restarting by the restart rules,
 * stop, abandon and recover, the instance locks, graceful shutdown on SIGTERM, exit codes, status reports
 * and the terminal progress line. Uses {@code job} (its parameters, names and listeners' order), {@code chain}
 * (live chain state, stop requests), {@code provider} and {@code store}; used by {@code cli} and {@code api}.
 */
package dev.legalgen.operations;
