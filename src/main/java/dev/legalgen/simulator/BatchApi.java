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
        server.createContext(FilesHandler.PATH, new FilesHandler(config, json, files, log, limits));
        server.createContext(BatchesHandler.PATH, new BatchesHandler(config, json, files, batches, log, limits));
    }

    BatchScript script() {
        return script;
    }

    BatchLog log() {
        return log;
    }

    Bills bills() {
        return bills;
    }

    /** Forgets every file, batch, scripted fault, call and bill. */
    void clear() {
        batches.clear();
        files.clear();
        script.clear();
        log.clear();
        bills.clear();
    }
}
