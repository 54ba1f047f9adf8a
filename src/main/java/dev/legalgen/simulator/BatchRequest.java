package dev.legalgen.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST /v1/batches}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record BatchRequest(
        @JsonProperty("input_file_id") String inputFileId,
        String endpoint,
        @JsonProperty("completion_window") String completionWindow,
        JsonNode metadata) {

    private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,3})([hd])");
    private static final Duration SHORTEST = Duration.ofHours(24);
    private static final Duration LONGEST = Duration.ofDays(7);

    /** The completion window, {@code 24h} to {@code 7d} as Groq allows, in hours or days; null when outside. */
    Duration window() {
        Matcher window = completionWindow == null ? null : WINDOW.matcher(completionWindow);
        if (window == null || !window.matches()) {
            return null;
        }
        long amount = Long.parseLong(window.group(1));
        Duration duration = "h".equals(window.group(2)) ? Duration.ofHours(amount) : Duration.ofDays(amount);
        return duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0 ? null : duration;
    }
}
