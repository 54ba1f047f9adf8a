package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** ShareGPT's conversations: the question from {@code human}, the laid-out answer from {@code gpt}. */
@Component
public class ShareGptFormat implements ExportFormat {

    private final AnswerLayout layout;

    public ShareGptFormat(AnswerLayout layout) {
        this.layout = layout;
    }

    record Line(List<Turn> conversations) {}

    record Turn(String from, String value) {}

    @Override
    public String name() {
        return "sharegpt";
    }

    @Override
    public Object line(LegalSample sample) {
        return new Line(List.of(new Turn("human", sample.question()), new Turn("gpt", layout.answer(sample))));
    }

    @Override
    public List<Map<String, Object>> features() {
        return List.of(ExportFormat.turns("conversations", "from", "value"));
    }
}
