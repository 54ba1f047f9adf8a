package dev.legalgen.quality.citation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CourtListener's citation-lookup endpoint as its documentation describes it, on 127.0.0.1: {@code POST
 * /api/rest/v4/citation-lookup/} with {@code Authorization: Token ...} and {@code volume}, {@code reporter},
 * {@code page}; it knows the citations it is given, answers a wrong token with 401, and plays scripted
 * HTTP-level replies (a 429 with {@code wait_until}, a 500) before its normal ones. It counts what it saw.
 */
final class FakeCourtListener implements AutoCloseable {

    static final String PATH = "/api/rest/v4/citation-lookup/";

    /** A request as it arrived, with the fake's clock reading at that moment. */
    record SeenRequest(Instant at, String method, String path, String authorization, Map<String, String> form) {
        String citation() {
            return FakeCourtListener.citation(form);
        }
    }

    private record Scripted(int status, String body) {}

    private final HttpServer server;
    private final Clock clock;
    private final String token;
    private final Set<String> known;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<SeenRequest> requests = new CopyOnWriteArrayList<>();

    private FakeCourtListener(HttpServer server, Clock clock, String token, Set<String> known) {
        this.server = server;
        this.clock = clock;
        this.token = token;
        this.known = known;
    }

    /** Knows {@code known} ("347 U.S. 483"), accepts {@code token}, reads arrival times from {@code clock}. */
    static FakeCourtListener start(Clock clock, String token, Set<String> known) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            FakeCourtListener fake = new FakeCourtListener(server, clock, token, known);
            server.createContext(PATH, fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request is throttled: 429 with the throttle's documented body. */
    synchronized void throttleNextUntil(Instant waitUntil) {
        script.add(new Scripted(
                429,
                "{\"error_message\":\"Too many requests (allowed rate: 60/min).\",\"wait_until\":\""
                        + waitUntil.atOffset(ZoneOffset.UTC) + "\"}"));
    }

    synchronized void failNextWith(int status) {
        script.add(new Scripted(status, "{\"detail\":\"A server error occurred.\"}"));
    }

    List<SeenRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(new SeenRequest(
                clock.instant(),
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                authorization,
                form));
        Scripted scripted = next();
        if (scripted != null) {
            reply(exchange, scripted.status(), scripted.body());
        } else if (!("Token " + token).equals(authorization)) {
            reply(exchange, 401, "{\"detail\":\"Invalid token.\"}");
        } else {
            reply(exchange, 200, lookup(form));
        }
    }

    private synchronized Scripted next() {
        return script.poll();
    }

    /** The documented array, one entry: 200 with a cluster when known, else 404 with none. */
    private String lookup(Map<String, String> form) {
        String citation = citation(form);
        boolean found = known.contains(citation);
        String clusters = found
                ? "[{\"id\":105221,\"absolute_url\":\"/opinion/105221/brown-v-board-of-education/\","
                        + "\"case_name\":\"Brown v. Board of Education\",\"date_filed\":\"1954-05-17\","
                        + "\"citations\":[{\"volume\":" + form.get("volume") + ",\"reporter\":\"" + form.get("reporter")
                        + "\",\"page\":\"" + form.get("page") + "\",\"type\":1}]}]"
                : "[]";
        return "[{\"citation\":\"" + citation + "\",\"normalized_citations\":[\"" + citation + "\"],"
                + "\"start_index\":0,\"end_index\":" + citation.length() + ","
                + "\"status\":" + (found ? 200 : 404) + ","
                + "\"error_message\":\"" + (found ? "" : "Citation not found: '" + citation + "'") + "\","
                + "\"clusters\":" + clusters + "}]";
    }

    private static String citation(Map<String, String> form) {
        return form.get("volume") + " " + form.get("reporter") + " " + form.get("page");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
