package dev.legalgen.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** The batches created, by id, each given its scripted fate and the configured timing when it is created. */
final class Batches {

    private final Map<String, Batch> byId = new ConcurrentHashMap<>();
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
        return batch;
    }

    /** The batch, null when no batch has that id. */
    Batch get(String id) {
        return byId.get(id);
    }

    void clear() {
        byId.clear();
    }
}
