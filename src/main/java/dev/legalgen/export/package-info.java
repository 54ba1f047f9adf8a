/**
 * Files for trainers, streamed from the committed samples and written whole or not at all: one
 * {@link dev.legalgen.export.Exporter} per format (the native JSONL today), and the one JSON shape of a
 * sample shared with the REST API. Uses {@code store} and {@code generation}.
 */
package dev.legalgen.export;
