package dev.legalgen.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP client every provider client talks through: Spring's RestClient on the JDK HttpClient. */
final class ProviderHttp {

    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /**
     * Completion stages of the JDK HttpClient run on this pool. Without one they go to the common
     * ForkJoinPool, which on a 2-core machine has parallelism 1 and so starts a new thread per stage.
     */
    private static final ExecutorService HTTP_STAGES = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "http-client");
        thread.setDaemon(true);
        return thread;
    });

    private ProviderHttp() {}

    /** A client with the provider's connect timeout, and its read timeout on every request. */
    static RestClient restClient(ProviderSettings settings) {
        return restClient(settings, settings.timeout());
    }

    /** A client with the provider's connect timeout, and {@code readTimeout} on every request. */
    static RestClient restClient(ProviderSettings settings, Duration readTimeout) {
        return RestClient.builder()
                .requestFactory(requestFactory(settings, readTimeout))
                .build();
    }

    /** JDK HttpClient: connect timeout on the client, read timeout per request, a connection per concurrent call. */
    private static JdkClientHttpRequestFactory requestFactory(ProviderSettings settings, Duration readTimeout) {
        HttpClient client = HttpClient.newBuilder()
                .executor(HTTP_STAGES)
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(readTimeout);
        return factory;
    }

    /** A response body as text, cut at 4 MB: an error or an API object, never a file's content. */
    static String read(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body) {
            return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        }
    }
}
