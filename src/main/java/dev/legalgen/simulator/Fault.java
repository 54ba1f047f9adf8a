package dev.legalgen.simulator;

import java.time.Duration;
import java.util.Objects;

/** A scripted misbehaviour, applied to one chat request. A closed set, so tests cannot invent wire formats. */
public sealed interface Fault {

    /**
     * Answer {@code status} with the dialect's real error body. {@code code} picks a variant where a status has
     * several (null = the usual one): 400 {@code json_validate_failed} (a complete answer that is not JSON) /
     * {@code json_validate_failed_truncated} (its {@code failed_generation} cut off mid-object) /
     * {@code model_decommissioned}; 429
     * {@code rpm} (default) / {@code tpm} / {@code rpd} / {@code tpd} / {@code queue_exceeded}; 502 and 503
     * {@code html} for a proxy's HTML page. {@code retryAfter} (429 only, null = 2 s) sets {@code retry-after}.
     */
    record Status(int status, String code, Duration retryAfter) implements Fault {

        public Status {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a Status fault needs an error status 400..599, was " + status);
            }
            if (retryAfter != null && (retryAfter.isNegative() || retryAfter.isZero())) {
                throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
            }
        }

        public Status(int status, String code) {
            this(status, code, null);
        }
    }

    /** Extra latency before the otherwise normal answer, to provoke client timeouts. */
    record Delay(Duration duration) implements Fault {

        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, was " + duration);
            }
        }
    }

    /** Close the connection without any response: the client sees an I/O error. */
    record Drop() implements Fault {}

    /** 200 whose message content is truncated, invalid JSON. */
    record MalformedJson() implements Fault {}

    /** 200 whose content is valid JSON lacking {@code case_citation} and {@code reasoning}. */
    record MissingFields() implements Fault {}

    /** 200 whose content is a {@code <think>...</think>} block followed by the valid JSON (raw reasoning). */
    record ThinkPrefix() implements Fault {}

    /**
     * 200 whose sample has the fields given here (null keeps the generated one): content that fails a quality check,
     * the same question as an earlier answer, or a citation of a given kind.
     */
    record Content(String question, String answer, String reasoning, String caseCitation) implements Fault {}

    /**
     * 200 whose question is the one the simulator last answered with, with {@code wordsChanged} of its words replaced
     * (0: the earlier question again, word for word), as a model asked again about the same topic repeats itself.
     */
    record Repeat(int wordsChanged) implements Fault {

        public Repeat {
            if (wordsChanged < 0) {
                throw new IllegalArgumentException("wordsChanged must not be negative");
            }
        }
    }

    /**
     * The answer takes {@code completionTokens} tokens: a request whose {@code max_completion_tokens} is lower gets
     * it cut off there (200, {@code finish_reason: "length"}, half the JSON); one allowing as many gets all of it.
     */
    record Truncated(int completionTokens) implements Fault {

        public Truncated {
            if (completionTokens < 1) {
                throw new IllegalArgumentException("completionTokens must be at least 1, was " + completionTokens);
            }
        }

        boolean cuts(int completionBudget) {
            return completionBudget < completionTokens;
        }
    }

    static Status status(int status) {
        return new Status(status, null);
    }

    static Status status(int status, String code) {
        return new Status(status, code);
    }

    /** A requests-per-minute 429 whose {@code retry-after} is {@code retryAfter} rounded up to seconds. */
    static Status rateLimited(Duration retryAfter) {
        return new Status(429, "rpm", retryAfter);
    }

    static Delay delay(Duration duration) {
        return new Delay(duration);
    }

    static Drop drop() {
        return new Drop();
    }

    static MalformedJson malformedJson() {
        return new MalformedJson();
    }

    static MissingFields missingFields() {
        return new MissingFields();
    }

    static ThinkPrefix thinkPrefix() {
        return new ThinkPrefix();
    }

    /** The question the simulator last answered with, again. */
    static Repeat repeatLast() {
        return new Repeat(0);
    }

    /** The question the simulator last answered with, {@code wordsChanged} words of it replaced. */
    static Repeat repeatLast(int wordsChanged) {
        return new Repeat(wordsChanged);
    }

    /** Cut off unless the request allows at least {@code completionTokens} completion tokens. */
    static Truncated truncatedBelow(int completionTokens) {
        return new Truncated(completionTokens);
    }
}
