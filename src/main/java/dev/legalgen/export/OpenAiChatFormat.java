package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** OpenAI's fine-tuning chat lines: a system prompt, the question as the user's turn, the answer as the assistant's. */
@Component
public class OpenAiChatFormat implements ExportFormat {

    private final AnswerLayout layout;

    public OpenAiChatFormat(AnswerLayout layout) {
        this.layout = layout;
    }

    record Line(List<Message> messages) {}

    record Message(String role, String content) {}

    @Override
    public String name() {
        return "openai-chat";
    }

    @Override
    public Object line(LegalSample sample) {
        return new Line(List.of(
                new Message("system", layout.systemPrompt()),
                new Message("user", sample.question()),
                new Message("assistant", layout.answer(sample))));
    }

    @Override
    public List<Map<String, Object>> features() {
        return List.of(ExportFormat.turns("messages", "role", "content"));
    }
}
