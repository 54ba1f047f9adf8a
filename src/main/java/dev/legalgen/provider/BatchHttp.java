package dev.legalgen.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt of a Batch API call: the key in its header, a non-2xx classified by {@link FailureClassifier} and
 * thrown as a {@link ProviderCallException} whose message names the call, and a call that got no answer thrown
 * the same way. Never retries; {@link BatchRetries} does.
 */
final class BatchHttp {

    /** Stands for the model in a Batch API failure, which concerns no one model. */
    static final String BATCH_API = "(batch api)";

    /** Reads a 2xx body; a {@link ProviderCallException} thrown here is the call's failure. */
    @FunctionalInterface
    interface Body<T> {
        T read(InputStream body) throws IOException;
    }

    private final String provider;
    private final ProviderSettings settings;
    private final Route route;
    private final RestClient http;
    /** For file uploads and downloads, with the batch settings' transfer timeout. */
    private final RestClient transfers;

    private final JsonMapper json;
    private final FailureClassifier classifier;

    BatchHttp(String provider, ProviderSettings settings, JsonMapper json, Clock clock) {
        this.provider = provider;
        this.settings = settings;
        this.route = new Route(provider, BATCH_API);
        this.http = ProviderHttp.restClient(settings);
        this.transfers = ProviderHttp.restClient(settings, settings.batch().transferTimeout());
        this.json = json;
        this.classifier = new FailureClassifier(clock);
    }

    <T> T get(BatchCall call, URI uri, Body<T> body) {
        return exchange(call, http.get().uri(uri).accept(MediaType.ALL), body);
    }

    /** A GET of a file's content, which may take up to the transfer timeout. */
    <T> T download(BatchCall call, URI uri, Body<T> body) {
        return exchange(call, transfers.get().uri(uri).accept(MediaType.ALL), body);
    }

    /** A POST without a body ({@code /batches/{id}/cancel}). */
    <T> T post(BatchCall call, URI uri, Body<T> body) {
        return exchange(call, http.post().uri(uri).accept(MediaType.APPLICATION_JSON), body);
    }

    <T> T postJson(BatchCall call, URI uri, Object request, Body<T> body) {
        byte[] bytes = json.writeValueAsBytes(request);
        return exchange(
                call,
                http.post()
                        .uri(uri)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(bytes),
                body);
    }

    <T> T postMultipart(BatchCall call, URI uri, MultipartUpload upload, Body<T> body) throws IOException {
        return exchange(
                call,
                transfers
                        .post()
                        .uri(uri)
                        .header(HttpHeaders.CONTENT_TYPE, upload.contentType())
                        .contentLength(upload.contentLength())
                        .accept(MediaType.APPLICATION_JSON)
                        .body(upload::writeTo),
                body);
    }

    /** A body read as one JSON object of {@code type}; one that is not is the call's failure. */
    <T> Body<T> object(BatchCall call, Class<T> type) {
        return in -> {
            String text = ProviderHttp.read(in);
            try {
                return json.readValue(text, type);
            } catch (JacksonException unreadable) {
                throw failure(
                        call,
                        ErrorCategory.INVALID_OUTPUT,
                        200,
                        ProviderError.ofCode("unreadable_batch_api_object"),
                        null,
                        unreadable);
            }
        };
    }

    private <T> T exchange(BatchCall call, RestClient.RequestHeadersSpec<?> request, Body<T> body) {
        try {
            return request.header(
                            HttpHeaders.AUTHORIZATION,
                            "Bearer " + settings.apiKey().reveal())
                    .exchange((sent, response) -> read(call, response, body), true);
        } catch (ProviderCallException failure) {
            throw failure;
        } catch (RuntimeException failure) {
            throw transportFailure(call, failure);
        }
    }

    private <T> T read(BatchCall call, ClientHttpResponse response, Body<T> body) throws IOException {
        int status = response.getStatusCode().value();
        if (status >= 200 && status < 300) {
            return body.read(response.getBody());
        }
        ProviderError error = ProviderError.parse(ProviderHttp.read(response.getBody()), json);
        HttpHeaders headers = response.getHeaders();
        FailureClassifier.Failure failure =
                classifier.classify(status, error, headers::getFirst, RateLimitHeaders.parse(headers::getFirst));
        throw failure(call, failure.category(), status, error, failure.retryAfter(), null);
    }

    private ProviderCallException failure(
            BatchCall call,
            ErrorCategory category,
            int status,
            ProviderError error,
            java.time.Duration retryAfter,
            Throwable cause) {
        String message = settings.apiKey()
                .redact(BatchFailureMessages.answered(provider, call, category, status, error, retryAfter, settings));
        return ProviderCallException.answered(route, category, status, error, retryAfter, message, cause);
    }

    private ProviderCallException transportFailure(BatchCall call, RuntimeException failure) {
        ErrorCategory category = FailureClassifier.categoryOf(failure);
        String message =
                BatchFailureMessages.unanswered(provider, call, category, TransportCauses.describe(failure), settings);
        // the cause is Spring's/the JDK's transport exception: it names the URL, never a header
        return ProviderCallException.unanswered(
                route, category, settings.apiKey().redact(message), failure);
    }
}
