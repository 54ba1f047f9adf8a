/**
 * The tables of our own: samples (written in the chunk transaction, exactly once per slot) and generation
 * events. Uses {@code generation}'s sample type; knows nothing of HTTP.
 */
package dev.legalgen.store;
