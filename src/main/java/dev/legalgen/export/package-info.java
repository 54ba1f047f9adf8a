/**
 * Files for trainers, streamed from the committed samples and written whole or not at all: one
 * {@link dev.legalgen.export.Exporter} per format (the native JSONL today), where an export goes ({@link
 * dev.legalgen.export.ExportTarget}: a named file, or one per instance with a {@code latest} link), and the one JSON
 * shape of a sample shared with the REST API. Uses {@code store} and {@code generation}.
 */
package dev.legalgen.export;
