package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/batches} (create), {@code GET /v1/batches} (list, newest first), {@code GET /v1/batches/{id}}
 * (poll: the batch caught up with the clock) and {@code POST /v1/batches/{id}/cancel}. Messages of the 400s are
 * inferred in Groq's validation style.
 */
final class BatchesHandler implements HttpHandler {

    static final String PATH = "/v1/batches";

    private static final int DEFAULT_LIST_LIMIT = 20;
    private static final int MAX_LIST_LIMIT = 100;
    private static final Pattern ONE = Pattern.compile(PATH + "/([^/]+)");
    private static final Pattern CANCEL = Pattern.compile(PATH + "/([^/]+)/cancel");

    private final Clock clock;
    private final JsonMapper json;
    private final ErrorCatalog errors;
    private final BatchBodies bodies;
    private final StoredFiles files;
    private final Batches batches;
    private final BatchLog log;
    private final BatchCalls calls;

    BatchesHandler(
            SimulatorConfig config,
            JsonMapper json,
            ErrorCatalog errors,
            StoredFiles files,
            Batches batches,
            BatchLog log,
            BatchCalls calls) {
        this.clock = config.clock();
        this.json = json;
        this.errors = errors;
        this.bodies = new BatchBodies(json);
        this.files = files;
        this.batches = batches;
        this.log = log;
        this.calls = calls;
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
                calls.serve(exchange, BatchEndpoint.CREATE, () -> create(body));
            } else if (PATH.equals(path) && "GET".equals(method)) {
                String query = exchange.getRequestURI().getRawQuery();
                calls.serve(exchange, BatchEndpoint.LIST, () -> list(query));
            } else if (one.matches() && "GET".equals(method)) {
                calls.serve(exchange, BatchEndpoint.POLL, () -> poll(one.group(1)));
            } else if (cancel.matches() && "POST".equals(method)) {
                calls.serve(exchange, BatchEndpoint.CANCEL, () -> cancel(cancel.group(1)));
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

    /** {@code limit} 1..100 (default 20) and {@code after} a batch id; an unknown {@code after} lists nothing. */
    private Reply list(String query) {
        Map<String, String> params = QueryParams.parse(query);
        int limit;
        try {
            limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : DEFAULT_LIST_LIMIT;
        } catch (NumberFormatException notANumber) {
            limit = 0;
        }
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            return errors.invalidField(
                    "'limit' : the value must be an integer from 1 to " + MAX_LIST_LIMIT + ", was '"
                            + params.get("limit") + "'",
                    "limit");
        }
        Batches.Page page = batches.list(params.get("after"), limit);
        Instant now = clock.instant();
        List<BatchView> views = page.batches().stream()
                .map(batch -> {
                    batch.advance(now);
                    return batch.view();
                })
                .toList();
        return Reply.json(200, bodies.list(views, page.hasMore()));
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
}
