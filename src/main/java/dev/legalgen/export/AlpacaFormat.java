package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Alpaca's instruction lines: the question as the instruction, no input, the laid-out answer as the output. */
@Component
public class AlpacaFormat implements ExportFormat {

    private final AnswerLayout layout;

    public AlpacaFormat(AnswerLayout layout) {
        this.layout = layout;
    }

    record Line(String instruction, String input, String output) {}

    @Override
    public String name() {
        return "alpaca";
    }

    @Override
    public Object line(LegalSample sample) {
        return new Line(sample.question(), "", layout.answer(sample));
    }

    @Override
    public List<Map<String, Object>> features() {
        return List.of(ExportFormat.string("instruction"), ExportFormat.string("input"), ExportFormat.string("output"));
    }
}
