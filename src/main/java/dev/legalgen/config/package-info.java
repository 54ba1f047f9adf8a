/**
 * The configuration checked as a whole before a command's context starts: every bad value and every unknown
 * {@code legalgen.*} key is one line naming the property and the fix. Depends on nothing of ours; the settings
 * records of the other packages report their own problems with {@link dev.legalgen.config.SettingsProblems}.
 */
package dev.legalgen.config;
