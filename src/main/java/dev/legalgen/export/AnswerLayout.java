package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import org.springframework.stereotype.Component;

/**
 * The assistant's turn of the chat formats: {@code legalgen.export.assistant-template} with {@code {answer}},
 * {@code {reasoning}} and {@code {case_citation}} filled in, and the system prompt they open with.
 */
@Component
public class AnswerLayout {

    private final ExportSettings settings;

    public AnswerLayout(ExportSettings settings) {
        this.settings = settings;
    }

    String answer(LegalSample sample) {
        return settings.assistantTemplate()
                .replace("{answer}", sample.answer())
                .replace("{reasoning}", sample.reasoning())
                .replace("{case_citation}", sample.caseCitation());
    }

    String systemPrompt() {
        return settings.systemPrompt();
    }
}
