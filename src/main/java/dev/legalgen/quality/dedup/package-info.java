/**
 * The duplicate index of issue 11: every accepted question of a dataset claims its slot in the database, and a
 * question that repeats or nearly repeats an earlier claim of the same dataset (any instance, any partition, any
 * process) is refused. Owns the {@code duplicate_*} tables; uses {@code JdbcTemplate} in the caller's transaction and
 * {@code config} for its settings, nothing else of ours (no job, operations, cli, api or chain).
 */
package dev.legalgen.quality.dedup;
