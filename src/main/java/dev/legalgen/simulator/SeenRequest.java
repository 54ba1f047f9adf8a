package dev.legalgen.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One chat request as the simulator saw it. {@code model} is null when the body could not be parsed;
 * {@code status} is {@link #NO_RESPONSE} while the request is in flight or when it was dropped; the prompt
 * fields are null when the prompt did not carry them. What the request asked for: {@code responseFormat} (the
 * {@code response_format.type}, {@code json_schema} or {@code json_object}), {@code maxCompletionTokens} and
 * {@code reasoningEffort}, each null when not sent; {@code problems} are the reasons a re-ask gave (its
 * {@code Problem:} lines), empty for a first ask.
 */
public record SeenRequest(
        String model,
        Instant time,
        int status,
        String practiceArea,
        String topic,
        String difficulty,
        String responseFormat,
        Integer maxCompletionTokens,
        String reasoningEffort,
        List<String> problems) {

    /** Status of a request not (yet) answered: still in flight, or dropped by a {@link Fault.Drop}. */
    public static final int NO_RESPONSE = 0;
}
