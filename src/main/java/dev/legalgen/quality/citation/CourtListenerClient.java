package dev.legalgen.quality.citation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CourtListener's citation-lookup API ({@code POST /api/rest/v4/citation-lookup/} with {@code volume}, {@code
 * reporter} and {@code page}), one citation per request, its answer read as documented: an array of {citation,
 * normalized_citations, start_index, end_index, status, error_message, clusters}.
 */
final class CourtListenerClient {

    /** What one request came to. */
    sealed interface Reply {
        record Answered(LookupOutcome outcome) implements Reply {}

        record Throttled(Instant waitUntil) implements Reply {}

        record Refused(int status) implements Reply {}

        record Failed(String reason) implements Reply {}
    }

    /** When a 429 says neither {@code wait_until} nor Retry-After: the throttle's own window. */
    static final Duration UNSTATED_WAIT = Duration.ofMinutes(1);

    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final CitationSettings.CourtListener settings;
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    CourtListenerClient(CitationSettings.CourtListener settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    Reply lookUp(String volume, String reporter, String page) {
        String form = "volume=" + encoded(volume) + "&reporter=" + encoded(reporter) + "&page=" + encoded(page);
        try {
            return http.post()
                    .uri(settings.citationLookupUri())
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            "Token " + settings.token().strip())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .exchange((request, response) -> reply(response), true);
        } catch (RuntimeException transport) {
            // Spring's and the JDK's transport exceptions name the URL, never a header: the token is not in them
            return new Reply.Failed(describe(transport));
        }
    }

    private Reply reply(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String body = read(response.getBody());
        return switch (status) {
            case 200 -> answered(body);
            case 429 -> new Reply.Throttled(waitUntil(body, response.getHeaders()));
            case 401, 403 -> new Reply.Refused(status);
            default -> new Reply.Failed("HTTP " + status + detail(body));
        };
    }

    /** One citation was sent, so the array's first entry is its lookup. */
    private Reply answered(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException unreadable) {
            return new Reply.Failed("HTTP 200 with a body that is not JSON");
        }
        if ((root.isArray() || root.isObject()) && root.isEmpty()) {
            return new Reply.Answered(LookupOutcome.NOT_FOUND); // [] or {}: nothing there looked like a citation
        }
        if (!root.isArray()) {
            return new Reply.Failed("HTTP 200 with a body that is not the documented array");
        }
        int status = root.get(0).path("status").asInt(0);
        return switch (status) {
            case 200, 300 -> new Reply.Answered(LookupOutcome.FOUND); // 300: more than one decision on that page
            case 404, 400 -> new Reply.Answered(LookupOutcome.NOT_FOUND); // 400: a reporter CourtListener lacks
            case 429 -> new Reply.Throttled(clock.instant().plus(UNSTATED_WAIT));
            default -> new Reply.Failed("citation status " + status);
        };
    }

    /** The body's {@code wait_until} (ISO-8601), else the Retry-After header (seconds), else a minute. */
    private Instant waitUntil(String body, HttpHeaders headers) {
        try {
            String stated = json.readTree(body).path("wait_until").asString("");
            if (!stated.isEmpty()) {
                return OffsetDateTime.parse(stated).toInstant();
            }
        } catch (JacksonException | DateTimeParseException unreadable) {
            // fall back to the header
        }
        try {
            String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
            if (retryAfter != null) {
                return clock.instant().plusSeconds(Long.parseLong(retryAfter.strip()));
            }
        } catch (NumberFormatException notSeconds) {
            // an HTTP date: the default below is as good
        }
        return clock.instant().plus(UNSTATED_WAIT);
    }

    /** The error's {@code detail} or {@code error_message}, short, without the token should the server echo it. */
    private String detail(String body) {
        String detail;
        try {
            JsonNode root = json.readTree(body);
            detail = root.path("detail").asString(root.path("error_message").asString(""));
        } catch (JacksonException notJson) {
            detail = "";
        }
        if (detail.isEmpty()) {
            return "";
        }
        String shortened = detail.length() > 200 ? detail.substring(0, 200) + "..." : detail;
        return ": " + shortened.replace(settings.token().strip(), "****");
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String read(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body) {
            return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        }
    }
}
