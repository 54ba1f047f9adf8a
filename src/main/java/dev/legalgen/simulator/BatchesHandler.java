package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/batches} (create), {@code GET /v1/batches/{id}} (poll: the batch caught up with the clock) and
 * {@code POST /v1/batches/{id}/cancel}. Messages of the 400s are inferred in Groq's validation style.
 */
final class BatchesHandler implements HttpHandler {

    static final String PATH = "/v1/batches";

    private static final Pattern ONE = Pattern.compile(PATH + "/([^/]+)");
    private static final Pattern CANCEL = Pattern.compile(PATH + "/([^/]+)/cancel");

    private final Dialect dialect;
    private final Clock clock;
    private final JsonMapper json;
    private final BearerAuth auth;
    private final ErrorCatalog errors;
    private final BatchBodies bodies;
    private final StoredFiles files;
    private final Batches batches;
    private final BatchLog log;
    private final RateWindows limits;

    BatchesHandler(
            SimulatorConfig config,
            JsonMapper json,
            StoredFiles files,
            Batches batches,
            BatchLog log,
            RateWindows limits) {
        this.dialect = config.dialect();
        this.clock = config.clock();
        this.json = json;
        this.auth = new BearerAuth(config.apiKey());
        this.errors = new ErrorCatalog(dialect, json);
        this.bodies = new BatchBodies(json);
        this.files = files;
        this.batches = batches;
        this.log = log;
        this.limits = limits;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher one = ONE.matcher(path);
            Matcher cancel = CANCEL.matcher(path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (PATH.equals(path) && "POST".equals(method)) {
                log.seen(BatchLog.Call.CREATE);
                send(exchange, auth.accepts(exchange) ? create(body) : errors.invalidKey());
            } else if (one.matches() && "GET".equals(method)) {
                log.seen(BatchLog.Call.POLL);
                send(exchange, auth.accepts(exchange) ? poll(one.group(1)) : errors.invalidKey());
            } else if (cancel.matches() && "POST".equals(method)) {
                log.seen(BatchLog.Call.CANCEL);
                send(exchange, auth.accepts(exchange) ? cancel(cancel.group(1)) : errors.invalidKey());
            } else {
                Responder.unrouted(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    private Reply create(byte[] body) {
        BatchRequest request = parse(body);
        if (request == null) {
            return errors.badRequest("We could not parse the JSON body of your request.");
        }
        if (request.inputFileId() == null || request.inputFileId().isBlank()) {
            return errors.invalidField("'input_file_id' : property 'input_file_id' is missing", "input_file_id");
        }
        BatchInput input = files.input(request.inputFileId());
        if (input == null) {
            return files.get(request.inputFileId()) == null
                    ? errors.noSuch("File", request.inputFileId())
                    : errors.invalidField(
                            "File " + request.inputFileId() + " is not a batch input: upload one with purpose"
                                    + " 'batch'",
                            "input_file_id");
        }
        if (!BatchBodies.ENDPOINT.equals(request.endpoint())) {
            return errors.invalidField(
                    "Invalid value: '" + request.endpoint() + "'. Supported values are: '" + BatchBodies.ENDPOINT + "'",
                    "endpoint");
        }
        Duration window = request.window();
        if (window == null) {
            return errors.invalidField(
                    "Invalid value: '" + request.completionWindow() + "'. The completion window must be from 24h"
                            + " to 7d, such as '24h', '48h' or '7d'",
                    "completion_window");
        }
        Batch batch =
                batches.create(request.inputFileId(), input, request.completionWindow(), window, request.metadata());
        log.batched(input.customIds());
        return Reply.json(200, bodies.batch(batch.view()));
    }

    private Reply poll(String id) {
        Batch batch = batches.get(id);
        if (batch == null) {
            return errors.noSuch("Batch", id);
        }
        batch.advance(clock.instant());
        return Reply.json(200, bodies.batch(batch.view()));
    }

    private Reply cancel(String id) {
        Batch batch = batches.get(id);
        if (batch == null) {
            return errors.noSuch("Batch", id);
        }
        if (!batch.cancel(clock.instant())) {
            return errors.badRequest(
                    "Cannot cancel a batch with status '" + batch.status().wire() + "'.");
        }
        return Reply.json(200, bodies.batch(batch.view()));
    }

    private BatchRequest parse(byte[] body) {
        try {
            return json.readValue(body, BatchRequest.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        Responder.send(exchange, dialect, limits.peek(null), reply);
    }
}
