/**
 * The tables of our own: samples (written in the chunk transaction, exactly once per slot) and generation
 * events; and the upkeep of the embedded H2 file they live in ({@link dev.legalgen.store.H2FileCompaction}). Uses
 * {@code generation}'s sample type; knows nothing of HTTP.
 */
package dev.legalgen.store;
