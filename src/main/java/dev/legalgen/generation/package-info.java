/**
 * From a plan slot to a sample: prompts, parsing and validation of the model's JSON, the item processor.
 * Uses {@code catalog} and {@code provider}; knows nothing of HTTP or of the database.
 */
package dev.legalgen.generation;
