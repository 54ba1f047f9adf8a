package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Batch API (Groq's, OpenAI-compatible): its files and batches, their script, the calls seen and what the
 * lines billed, apart from the synchronous endpoint's. Its lines share the sample writer with the synchronous
 * endpoint, as one model would, but none of its rate limits: the providers' batch limits are separate.
 */
final class BatchApi {

    private final BatchScript script = new BatchScript();
    private final BatchHolds holds = new BatchHolds();
    private final BatchLog log = new BatchLog();
    private final Bills bills = new Bills();
    private final StoredFiles files;
    private final Batches batches;

    BatchApi(SimulatorConfig config, JsonMapper json, SampleWriter samples, Repeats repeats) {
        this.files = new StoredFiles(config.clock());
        ChatAnswers answers = new ChatAnswers(config, json, samples, repeats, bills);
        BatchLines lines = new BatchLines(json, answers, script, config.clock());
        this.batches = new Batches(config, script, lines, new ResultFiles(files));
    }

    /** Serves {@code /v1/files} and {@code /v1/batches}; {@code limits} only fill the usual headers. */
    void install(HttpServer server, SimulatorConfig config, JsonMapper json, RateWindows limits) {
        ErrorCatalog errors = new ErrorCatalog(config.dialect(), json);
        BatchCalls calls = new BatchCalls(config, errors, script, holds, log, limits);
        server.createContext(FilesHandler.PATH, new FilesHandler(json, errors, files, log, calls));
        server.createContext(BatchesHandler.PATH, new BatchesHandler(config, json, errors, files, batches, log, calls));
    }

    BatchScript script() {
        return script;
    }

    BatchHolds holds() {
        return holds;
    }

    BatchLog log() {
        return log;
    }

    Bills bills() {
        return bills;
    }

    /** Forgets every file, batch, scripted fault, call and bill, and releases every hold. */
    void clear() {
        batches.clear();
        files.clear();
        script.clear();
        log.clear();
        bills.clear();
        holds.release(); // last: a held call goes on in the state it was cleared to
    }
}
