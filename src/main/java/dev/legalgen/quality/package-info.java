/**
 * What makes a sample worth training on: the settings of the quality checks, and the checks themselves in
 * sub-packages ({@code validation}); generation runs them and re-asks the model with their reasons.
 */
package dev.legalgen.quality;
