/**
 * The checks a generated sample's content passes before it is accepted (lengths, the question's form, IRAC labels,
 * no markdown, no answer given away), each failure a short reason that a re-ask can quote to the model. Depends on
 * nothing of ours but {@code config}.
 */
package dev.legalgen.quality.validation;
