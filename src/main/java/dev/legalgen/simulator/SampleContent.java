package dev.legalgen.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The message content of a 200: the sample as JSON, or the damaged form a content fault asks for. */
final class SampleContent {

    private SampleContent() {}

    /** What a model stopped by its completion budget has written: the first half of the sample's JSON. */
    static String cutOff(JsonMapper json, SampleWriter.Sample sample) {
        String valid = json.writeValueAsString(sample);
        return valid.substring(0, valid.length() / 2);
    }

    /** {@code fault} is null or one of the content faults; others do not change the content. */
    static String render(JsonMapper json, SampleWriter.Sample sample, Fault fault) {
        if (fault instanceof Fault.Content content) {
            sample = new SampleWriter.Sample(
                    orElse(content.question(), sample.question()),
                    orElse(content.answer(), sample.answer()),
                    orElse(content.reasoning(), sample.reasoning()),
                    orElse(content.caseCitation(), sample.caseCitation()));
        }
        String valid = json.writeValueAsString(sample);
        if (fault instanceof Fault.MalformedJson) {
            // Cut mid-value, as a model stopped by its token budget would, but said to have stopped: never parseable.
            return cutOff(json, sample);
        }
        if (fault instanceof Fault.MissingFields) {
            Map<String, String> partial = new LinkedHashMap<>();
            partial.put("question", sample.question());
            partial.put("answer", sample.answer());
            return json.writeValueAsString(partial);
        }
        if (fault instanceof Fault.ThinkPrefix) {
            return "<think>\nThe user wants one question, answer, reasoning and citation as JSON. "
                    + "I will keep the answer short and cite the simulated case.\n</think>\n\n" + valid;
        }
        return valid;
    }

    private static String orElse(String scripted, String generated) {
        return scripted == null ? generated : scripted;
    }
}
