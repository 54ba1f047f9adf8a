package dev.legalgen.export;

import dev.legalgen.config.SettingsProblems;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code legalgen.export.*}: the trainer-ready layout. {@code formats} (native, openai-chat, alpaca, sharegpt, all)
 * makes the job's export step write it beside the native file too, and is what {@code export} writes when given no
 * {@code --format}; {@code split} the splits and their shares; {@code license} the card's; {@code system-prompt} and
 * {@code assistant-template} how the chat formats put a sample.
 */
@ConfigurationProperties("legalgen.export")
public record ExportSettings(
        @DefaultValue List<String> formats,
        @DefaultValue("train=0.9,validation=0.05,test=0.05") String split,
        @DefaultValue("other") String license,

        @DefaultValue("You are a careful legal assistant. Answer the question, show the reasoning (issue, rule,"
                + " application, conclusion) and cite the leading authority. This is general information,"
                + " not legal advice.")
        String systemPrompt,

        @DefaultValue("{answer}\n\n{reasoning}\n\nAuthority: {case_citation}")
        String assistantTemplate) {

    public ExportSettings {
        SettingsProblems problems = new SettingsProblems();
        for (String format : formats) {
            problems.require(
                    ExportFormats.NAMES.contains(format) || format.equals(ExportFormats.ALL),
                    "legalgen.export.formats: '" + format + "' is not a format; use " + ExportFormats.choices());
        }
        try {
            SplitPlan.parse(split);
        } catch (IllegalArgumentException e) {
            problems.add("legalgen.export.split: " + e.getMessage());
        }
        problems.require(
                !license.isBlank(),
                "legalgen.export.license must not be blank (the card's license: other," + " cc-by-4.0, mit, …)");
        problems.require(
                assistantTemplate.contains("{answer}"),
                "legalgen.export.assistant-template must contain {answer} (and may contain {reasoning},"
                        + " {case_citation}), was '" + assistantTemplate + "'");
        problems.throwIfAny();
    }

    /** The split plan, valid by construction. */
    public SplitPlan splitPlan() {
        return SplitPlan.parse(split);
    }
}
