package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible provider on 127.0.0.1 speaking Groq's or Cerebras' wire format, with scripted faults: chat
 * completions, model listing, and the Batch API ({@code /files}, {@code /batches}) answering its lines as chat
 * completions are answered.
 */
public final class Simulator implements AutoCloseable {

    private static final int BACKLOG = 1024;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY Nagle's algorithm meets the
        // client's delayed ACK and every keep-alive request waits ~40 ms. Read once, before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final FaultScript faults;
    private final RequestGate gate;
    private final RequestLog log;
    private final RateWindows limits;
    private final SampleWriter samples;
    private final Bills bills;
    private final BatchApi batchApi;

    private Simulator(
            HttpServer server,
            ExecutorService executor,
            FaultScript faults,
            RequestGate gate,
            RequestLog log,
            RateWindows limits,
            SampleWriter samples,
            Bills bills,
            BatchApi batchApi) {
        this.server = server;
        this.batchApi = batchApi;
        this.bills = bills;
        this.executor = executor;
        this.faults = faults;
        this.gate = gate;
        this.log = log;
        this.limits = limits;
        this.samples = samples;
    }

    /** Binds 127.0.0.1 on {@code config.port()} (0 = ephemeral) and starts serving. */
    public static Simulator start(SimulatorConfig config) {
        JsonMapper json = JsonMapper.builder().build();
        FaultScript faults = new FaultScript();
        RequestGate gate = new RequestGate();
        RequestLog log = new RequestLog();
        RateWindows limits = new RateWindows(config.requestsPerMinute(), config.tokensPerMinute(), config.clock());
        HttpServer server = bind(config.port());
        // Unbounded: each request holds its thread while it sleeps its latency, and tests run 100+ at once.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        SampleWriter samples = new SampleWriter();
        Bills bills = new Bills();
        ChatAnswers answers = new ChatAnswers(config, json, samples, faults.repeats(), bills);
        server.createContext(ChatHandler.PATH, new ChatHandler(config, json, answers, faults, gate, log, limits));
        server.createContext(ModelsHandler.PATH, new ModelsHandler(config, json, limits, log));
        BatchApi batchApi = new BatchApi(config, json, samples, faults.repeats());
        batchApi.install(server, config, json, limits);
        server.createContext("/", Responder::unrouted);
        server.start();
        return new Simulator(server, executor, faults, gate, log, limits, samples, bills, batchApi);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/v1}, the base URL an OpenAI-compatible client is configured with. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public FaultScript faults() {
        return faults;
    }

    /**
     * From now on chat requests wait unanswered (seen and counted) until {@link #releaseRequests()}: a run held
     * in progress for as long as a test needs, instead of a latency it could outrun.
     */
    public void holdRequests() {
        gate.holdAfter(0);
    }

    /** The next {@code passing} chat requests are answered as usual; those after them are held. */
    public void holdRequestsAfter(int passing) {
        gate.holdAfter(passing);
    }

    /** Held requests go on to their answers, and later ones are no longer held. */
    public void releaseRequests() {
        gate.release();
    }

    /** The chat requests held now go on to their answers; later ones are held still, until a release. */
    public void releaseHeldRequests() {
        gate.releaseHeld();
    }

    /** Chat requests waiting at the hold now. */
    public int heldRequestCount() {
        return gate.held();
    }

    /** Chat requests seen, for all models, whatever their outcome. */
    public int requestCount() {
        return log.count();
    }

    /** {@code GET /models} requests seen, answered or refused. */
    public int modelListingCount() {
        return log.modelListings();
    }

    public int requestCount(String model) {
        return log.count(model);
    }

    /** The tokens the answered requests used (their {@code usage.total_tokens}), as the token quota counted them. */
    public long tokensCounted() {
        return limits.tokensCounted();
    }

    /** What the simulator billed per model, in model order: the {@code usage} of every request answered with 200. */
    public Map<String, Bills.Usage> billed() {
        return bills.snapshot();
    }

    /** The chat requests seen, in arrival order (the most recent {@value RequestLog#MAX_LOGGED} at most). */
    public List<SeenRequest> requests() {
        return log.snapshot();
    }

    /**
     * The Batch API's scripted faults: lines answered with an error or a damaged sample, batches that expire or
     * fail validation. Apart from {@link #faults()}, which batch lines never consume.
     */
    public BatchScript batchFaults() {
        return batchApi.script();
    }

    /** {@code POST /files} requests seen, accepted or refused. */
    public int fileUploadCount() {
        return batchApi.log().count(BatchEndpoint.UPLOAD);
    }

    /** {@code POST /batches} requests seen, accepted or refused. */
    public int batchCreateCount() {
        return batchApi.log().count(BatchEndpoint.CREATE);
    }

    /** {@code GET /batches/{id}} requests seen, answered or refused. */
    public int batchPollCount() {
        return batchApi.log().count(BatchEndpoint.POLL);
    }

    /** {@code GET /files/{id}/content} requests seen, answered or refused. */
    public int fileDownloadCount() {
        return batchApi.log().count(BatchEndpoint.DOWNLOAD);
    }

    /** {@code POST /batches/{id}/cancel} requests seen, answered or refused. */
    public int batchCancelCount() {
        return batchApi.log().count(BatchEndpoint.CANCEL);
    }

    /** {@code GET /batches} requests seen, answered or refused. */
    public int batchListCount() {
        return batchApi.log().count(BatchEndpoint.LIST);
    }

    /**
     * From now on, after {@code passing} more calls of {@code endpoint}, its calls wait unanswered until
     * {@link #releaseBatchCalls()}: before they are counted or take effect (a held create creates no batch, a held
     * upload stores no file), and a call whose client leaves while held is dropped, so that a client killed there
     * leaves the provider as if the call had never come.
     */
    public void holdBatchCalls(BatchEndpoint endpoint, int passing) {
        batchApi.holds().holdAfter(endpoint, passing);
    }

    /** Held Batch API calls go on, and no endpoint holds calls any more. */
    public void releaseBatchCalls() {
        batchApi.holds().release();
    }

    /** Batch API calls waiting at a hold now. */
    public int heldBatchCallCount() {
        return batchApi.holds().held();
    }

    /** The custom ids of every batch input file accepted, file by file in upload order, each in line order. */
    public List<List<String>> uploadedCustomIds() {
        return batchApi.log().uploaded();
    }

    /** The custom ids of every batch created, batch by batch in creation order, each in its file's line order. */
    public List<List<String>> batchedCustomIds() {
        return batchApi.log().batched();
    }

    /**
     * What batch lines billed per model, in model order: the {@code usage} of every line answered with 200. Kept
     * apart from {@link #billed()}, as the providers price batch calls apart (at half the synchronous price).
     */
    public Map<String, Bills.Usage> batchBilled() {
        return batchApi.bills().snapshot();
    }

    /**
     * Clears counters (the tokens counted too), scripted faults, rate-limit windows and the prompts seen (each is
     * answered as the first time again), the Batch API's files, batches, faults, counters and bills, and releases
     * and clears every hold, the Batch API's too.
     */
    public void reset() {
        faults.clear();
        batchApi.clear();
        limits.reset();
        log.clear();
        samples.clear();
        bills.clear();
        gate.release(); // last: a held request goes on in the state it was reset to
    }

    /** Stops accepting, closes open connections and interrupts requests still sleeping or held. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static HttpServer bind(int port) {
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            return HttpServer.create(new InetSocketAddress(loopback, port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not bind the simulator to 127.0.0.1:" + port
                            + "; choose another port, or 0 for an ephemeral one",
                    e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "simulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
