package dev.legalgen.quality.validation;

import dev.legalgen.config.SettingsProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code legalgen.quality.validation.*}: what a sample must be to be accepted. The defaults are lenient enough for
 * any honest answer to the prompt (README, Dataset quality); 0 or false turns a check off.
 */
@ConfigurationProperties("legalgen.quality.validation")
public record ValidationSettings(
        @DefaultValue("60") int minQuestionLength,
        @DefaultValue("100") int minAnswerLength,
        @DefaultValue("150") int minReasoningLength,
        @DefaultValue("true") boolean questionMark,
        @DefaultValue("true") boolean iracLabels,
        @DefaultValue("true") boolean noMarkdown) {

    public ValidationSettings {
        new SettingsProblems()
                .require(
                        minQuestionLength >= 0,
                        "legalgen.quality.validation.min-question-length must be 0 or more, was " + minQuestionLength)
                .require(
                        minAnswerLength >= 0,
                        "legalgen.quality.validation.min-answer-length must be 0 or more, was " + minAnswerLength)
                .require(
                        minReasoningLength >= 0,
                        "legalgen.quality.validation.min-reasoning-length must be 0 or more, was " + minReasoningLength)
                .throwIfAny();
    }

    /** The shipped defaults, for callers without a context (tests, the REST API's single sample uses the bean). */
    public static ValidationSettings defaults() {
        return new ValidationSettings(60, 100, 150, true, true, true);
    }
}
