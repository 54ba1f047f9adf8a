/**
 * An OpenAI-compatible provider simulator speaking Groq's and Cerebras' wire formats, with scripted faults
 * and enforced limits, for offline runs and tests. Depends on no other package of ours (a build-checked
 * rule), so it could stand alone.
 */
package dev.legalgen.simulator;
