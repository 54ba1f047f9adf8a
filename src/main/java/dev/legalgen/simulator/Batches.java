package dev.legalgen.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** The batches created, by id and newest first, each given its scripted fate and the configured timing. */
final class Batches {

    /** One page of a listing, newest first; {@code hasMore} when older batches follow. */
    record Page(List<Batch> batches, boolean hasMore) {}

    private final Map<String, Batch> byId = new ConcurrentHashMap<>();
    /** Guarded by this. */
    private final List<Batch> newestFirst = new ArrayList<>();

    private final Clock clock;
    private final BatchTiming timing;
    private final BatchScript script;
    private final BatchLines lines;
    private final ResultFiles resultFiles;

    Batches(SimulatorConfig config, BatchScript script, BatchLines lines, ResultFiles resultFiles) {
        this.clock = config.clock();
        this.timing = config.batchTiming();
        this.script = script;
        this.lines = lines;
        this.resultFiles = resultFiles;
    }

    /** A new batch, {@code validating}, of the requests of {@code inputFileId}. */
    Batch create(String inputFileId, BatchInput input, String completionWindow, Duration window, JsonNode metadata) {
        Instant now = clock.instant();
        Batch.Spec spec = new Batch.Spec(
                WireFormats.groqId("batch_", now.toEpochMilli()),
                inputFileId,
                completionWindow,
                metadata,
                now,
                now.plus(window));
        Batch batch = new Batch(spec, input.lines(), timing, script.takeFate(), lines, resultFiles);
        byId.put(spec.id(), batch);
        synchronized (this) {
            newestFirst.add(0, batch);
        }
        return batch;
    }

    /** The batch, null when no batch has that id. */
    Batch get(String id) {
        return byId.get(id);
    }

    /** Up to {@code limit} batches older than {@code after} (null: from the newest); none after an unknown id. */
    synchronized Page list(String after, int limit) {
        int from = 0;
        if (after != null) {
            from = newestFirst.size();
            for (int i = 0; i < newestFirst.size(); i++) {
                if (newestFirst.get(i).id().equals(after)) {
                    from = i + 1;
                    break;
                }
            }
        }
        int to = Math.min(newestFirst.size(), from + limit);
        return new Page(List.copyOf(newestFirst.subList(from, to)), to < newestFirst.size());
    }

    synchronized void clear() {
        byId.clear();
        newestFirst.clear();
    }
}
