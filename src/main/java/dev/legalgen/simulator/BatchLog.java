package dev.legalgen.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Batch API calls the simulator has seen: a counter per call (answered or refused), and the custom ids of
 * every file accepted and every batch created, in order. A job's tests prove with them that a restart neither
 * uploads nor submits a slot twice.
 */
final class BatchLog {

    private final Map<Call, AtomicInteger> counts = new EnumMap<>(Call.class);
    private final List<List<String>> uploaded = new ArrayList<>();
    private final List<List<String>> batched = new ArrayList<>();

    /** The calls counted: {@code POST /files}, {@code POST /batches}, {@code GET /batches/{id}}, {@code GET
     * /files/{id}/content} and {@code POST /batches/{id}/cancel}. */
    enum Call {
        UPLOAD,
        CREATE,
        POLL,
        DOWNLOAD,
        CANCEL
    }

    BatchLog() {
        for (Call call : Call.values()) {
            counts.put(call, new AtomicInteger());
        }
    }

    void seen(Call call) {
        counts.get(call).incrementAndGet();
    }

    int count(Call call) {
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
