package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The job's own line ({@link SampleJson}): every field of a sample, the quality fields included. */
@Component
public class NativeFormat implements ExportFormat {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public Object line(LegalSample sample) {
        return SampleJson.of(sample);
    }

    @Override
    public List<Map<String, Object>> features() {
        return List.of(
                ExportFormat.string("id"),
                ExportFormat.string("provider"),
                ExportFormat.string("model"),
                ExportFormat.string("created_at"),
                ExportFormat.string("updated_at"),
                ExportFormat.string("batch_id"),
                ExportFormat.string("question"),
                ExportFormat.string("answer"),
                ExportFormat.string("reasoning"),
                ExportFormat.string("case_citation"),
                ExportFormat.string("citation_check"),
                ExportFormat.string("practice_area"),
                ExportFormat.string("topic"),
                ExportFormat.string("difficulty"),
                ExportFormat.int64("tokens_used"),
                ExportFormat.int64("prompt_tokens"),
                ExportFormat.int64("completion_tokens"),
                ExportFormat.int64("reasoning_tokens"),
                ExportFormat.float64("cost_usd"),
                ExportFormat.int64("latency_ms"),
                ExportFormat.int64("attempts"));
    }
}
