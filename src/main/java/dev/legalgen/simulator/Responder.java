package dev.legalgen.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Sends a {@link Reply} with the headers every response carries. */
final class Responder {

    private Responder() {}

    static void send(HttpExchange exchange, Dialect dialect, LimitState limits, Reply reply) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", reply.contentType());
        RateLimitHeaders.write(dialect, limits, headers);
        if (dialect == Dialect.GROQ && !headers.containsKey("x-request-id")) {
            headers.set("x-request-id", WireFormats.groqRequestId(System.currentTimeMillis()));
        }
        if (reply.retryAfter() != null) {
            headers.set("retry-after", Long.toString(WireFormats.retryAfterSeconds(reply.retryAfter())));
        }
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Unknown path or method: 404 with an empty body, as Cerebras answers unrouted paths. */
    static void unrouted(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
    }

    /** Closing before any header is sent makes the JDK server close the socket: the client sees no response. */
    static void drop(HttpExchange exchange) {
        exchange.close();
    }
}
