package dev.legalgen.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Batch API calls the simulator has seen: a counter per endpoint (answered or refused, once past any hold), and the custom ids of
 * every file accepted and every batch created, in order. A job's tests prove with them that a restart neither
 * uploads nor submits a slot twice.
 */
final class BatchLog {

    private final Map<BatchEndpoint, AtomicInteger> counts = new EnumMap<>(BatchEndpoint.class);
    private final List<List<String>> uploaded = new ArrayList<>();
    private final List<List<String>> batched = new ArrayList<>();

    BatchLog() {
        for (BatchEndpoint call : BatchEndpoint.values()) {
            counts.put(call, new AtomicInteger());
        }
    }

    void seen(BatchEndpoint call) {
        counts.get(call).incrementAndGet();
    }

    int count(BatchEndpoint call) {
        return counts.get(call).get();
    }

    synchronized void uploaded(List<String> customIds) {
        uploaded.add(List.copyOf(customIds));
    }

    synchronized void batched(List<String> customIds) {
        batched.add(List.copyOf(customIds));
    }

    synchronized List<List<String>> uploaded() {
        return List.copyOf(uploaded);
    }

    synchronized List<List<String>> batched() {
        return List.copyOf(batched);
    }

    synchronized void clear() {
        counts.values().forEach(count -> count.set(0));
        uploaded.clear();
        batched.clear();
    }
}
