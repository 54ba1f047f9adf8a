package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/models}: the configured model ids, authenticated like chat requests. */
final class ModelsHandler implements HttpHandler {

    static final String PATH = "/v1/models";

    private final Dialect dialect;
    private final BearerAuth auth;
    private final RateWindows limits;
    private final ErrorCatalog errors;
    private final byte[] modelList;
    private final RequestLog log;

    ModelsHandler(SimulatorConfig config, JsonMapper json, RateWindows limits, RequestLog log) {
        this.log = log;
        this.dialect = config.dialect();
        this.auth = new BearerAuth(config.apiKey());
        this.limits = limits;
        this.errors = new ErrorCatalog(dialect, json);
        this.modelList = json.writeValueAsBytes(list(json, config.models()));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!PATH.equals(exchange.getRequestURI().getPath()) || !"GET".equals(exchange.getRequestMethod())) {
                Responder.unrouted(exchange);
                return;
            }
            exchange.getRequestBody().readAllBytes();
            log.modelListing();
            Reply reply = auth.accepts(exchange) ? Reply.json(200, modelList) : errors.invalidKey();
            Responder.send(exchange, dialect, limits.peek(null), reply);
        } finally {
            exchange.close();
        }
    }

    private static ObjectNode list(JsonMapper json, List<String> models) {
        ObjectNode body = json.createObjectNode();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String model : models) {
            // created is 0 for every model, as Cerebras lists them.
            data.addObject()
                    .put("id", model)
                    .put("object", "model")
                    .put("created", 0)
                    .put("owned_by", "simulator");
        }
        return body;
    }
}
