package dev.legalgen.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** What the simulator billed per model: the {@code usage} of every request it answered with 200. */
public final class Bills {

    private final Map<String, Usage> byModel = new ConcurrentHashMap<>();

    /** Tokens of the answered requests of one model: {@code reasoning} is inside {@code completion}. */
    public record Usage(long calls, long prompt, long completion, long reasoning) {
        Usage plus(Usage other) {
            return new Usage(
                    calls + other.calls,
                    prompt + other.prompt,
                    completion + other.completion,
                    reasoning + other.reasoning);
        }
    }

    void add(String model, int prompt, int completion, int reasoning) {
        byModel.merge(model, new Usage(1, prompt, completion, reasoning), Usage::plus);
    }

    Map<String, Usage> snapshot() {
        return new TreeMap<>(byModel);
    }

    void clear() {
        byModel.clear();
    }
}
