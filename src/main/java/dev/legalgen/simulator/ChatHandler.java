package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions}: validate, wait at the gate when it holds, apply any scripted fault, enforce
 * limits, answer a sample.
 */
final class ChatHandler implements HttpHandler {

    static final String PATH = "/v1/chat/completions";

    private final Dialect dialect;
    private final Set<String> models;
    private final Set<String> modelsWithoutJsonSchema;
    private final Duration latency;
    private final Clock clock;
    private final JsonMapper json;
    private final BearerAuth auth;
    private final FaultScript faults;
    private final RequestGate gate;
    private final RequestLog log;
    private final RateWindows limits;
    private final ErrorCatalog errors;
    private final StatusFaults statusFaults;
    private final CompletionBodies bodies;
    private final SampleWriter samples;
    private final Bills bills;

    ChatHandler(
            SimulatorConfig config,
            JsonMapper json,
            FaultScript faults,
            RequestGate gate,
            RequestLog log,
            RateWindows limits,
            SampleWriter samples,
            Bills bills) {
        this.bills = bills;
        this.dialect = config.dialect();
        this.models = Set.copyOf(config.models());
        this.modelsWithoutJsonSchema = config.modelsWithoutJsonSchema();
        this.latency = config.latency();
        this.clock = config.clock();
        this.json = json;
        this.auth = new BearerAuth(config.apiKey());
        this.faults = faults;
        this.gate = gate;
        this.log = log;
        this.limits = limits;
        this.samples = samples;
        this.errors = new ErrorCatalog(dialect, json);
        this.statusFaults = new StatusFaults(dialect, errors);
        this.bodies = new CompletionBodies(dialect, json);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!PATH.equals(exchange.getRequestURI().getPath()) || !"POST".equals(exchange.getRequestMethod())) {
                Responder.unrouted(exchange);
                return;
            }
            ChatRequest request = parse(exchange.getRequestBody().readAllBytes());
            String prompt = request == null || request.messages() == null ? "" : request.promptText();
            PromptFacts facts = PromptFacts.parse(prompt);
            RequestLog.Arrival arrival = log.arrive(request, clock.instant(), facts);
            answer(exchange, request, prompt, facts, arrival);
        } catch (InterruptedException e) {
            // The simulator is closing while this request sleeps: leave without an answer.
            Thread.currentThread().interrupt();
            Responder.drop(exchange);
        } finally {
            exchange.close();
        }
    }

    private void answer(
            HttpExchange exchange, ChatRequest request, String prompt, PromptFacts facts, RequestLog.Arrival arrival)
            throws IOException, InterruptedException {
        Reply invalid = validate(exchange, request);
        String model = request == null ? null : request.model();
        if (invalid != null) {
            send(exchange, arrival, limits.peek(model), invalid);
            return;
        }
        gate.pass();
        Fault fault = faults.take(model);
        // Latency is paid by every request that reaches a model, faulted or not; a Delay adds to it.
        pause(fault instanceof Fault.Delay delay ? latency.plus(delay.duration()) : latency);
        if (fault instanceof Fault.Drop) {
            Responder.drop(exchange);
            return;
        }
        if (fault instanceof Fault.Status status) {
            send(exchange, arrival, limits.peek(model), statusFaults.reply(status, model));
            return;
        }
        int promptTokens = ChatRequest.estimateTokens(prompt);
        RateWindows.Admission admission = limits.admit(model, request.reservedTokens(promptTokens));
        if (!admission.admitted()) {
            send(exchange, arrival, admission.state(), errors.refusal(model, admission));
            return;
        }
        SampleWriter.Sample sample = faults.repeats().answer(samples.write(model, facts, prompt), fault);
        // a model stopped by its budget writes up to the budget and says so
        boolean cutOff = fault instanceof Fault.Truncated truncated && truncated.cuts(request.completionBudget());
        String content = cutOff ? SampleContent.cutOff(json, sample) : SampleContent.render(json, sample, fault);
        String requestId = WireFormats.groqRequestId(clock.millis());
        if (dialect == Dialect.GROQ) {
            exchange.getResponseHeaders().set("x-request-id", requestId);
        }
        int reasoningTokens = Math.min(request.reasoningTokens(), request.completionBudget());
        int completionTokens = cutOff
                ? request.completionBudget()
                : Math.min(request.completionBudget(), reasoningTokens + ChatRequest.estimateTokens(content));
        bills.add(model, promptTokens, completionTokens, reasoningTokens);
        byte[] body = bodies.success(new CompletionBodies.Completion(
                model,
                content,
                cutOff ? "length" : "stop",
                promptTokens,
                completionTokens,
                reasoningTokens,
                clock.instant().getEpochSecond(),
                requestId));
        LimitState charged = limits.charge(model, admission, promptTokens + completionTokens);
        send(exchange, arrival, charged, Reply.json(200, body));
    }

    /** The 4xx a request earns before any model work, or null when it is acceptable. Messages are inferred. */
    private Reply validate(HttpExchange exchange, ChatRequest request) {
        if (!auth.accepts(exchange)) {
            return errors.invalidKey();
        }
        if (request == null) {
            return errors.badRequest("We could not parse the JSON body of your request.");
        }
        if (request.messages() == null || request.messages().isEmpty()) {
            return errors.badRequest("'messages' : minimum number of items is 1");
        }
        if (request.model() == null || request.model().isBlank()) {
            return errors.badRequest("'model' : property 'model' is missing");
        }
        if (request.n() != null && request.n() != 1) {
            return errors.badRequest("'n' : number must be at most 1");
        }
        if (!models.contains(request.model())) {
            return errors.modelNotFound(request.model());
        }
        return request.asksForSchema() ? refusedSchema(request) : null;
    }

    /** The 400 a {@code json_schema} request earns (malformed, refused by the model, or unportable), or null. */
    private Reply refusedSchema(ChatRequest request) {
        ChatRequest.JsonSchema schema = request.responseFormat().jsonSchema();
        if (schema == null || schema.name() == null || schema.schema() == null) {
            // Cerebras answers a schema without a name with its validation 400 (observed); Groq's wording inferred
            return errors.badRequest("'response_format.json_schema' : properties 'name' and 'schema' are required");
        }
        if (modelsWithoutJsonSchema.contains(request.model())) {
            return errors.jsonSchemaUnsupported();
        }
        Set<String> unsupported = SchemaKeywords.unsupported(schema.schema());
        return unsupported.isEmpty() ? null : errors.unsupportedSchemaFields(unsupported);
    }

    /** Records the status before sending, so a client that has its answer also sees it in the log. */
    private void send(HttpExchange exchange, RequestLog.Arrival arrival, LimitState state, Reply reply)
            throws IOException {
        arrival.answered(reply.status());
        Responder.send(exchange, dialect, state, reply);
    }

    private ChatRequest parse(byte[] body) {
        try {
            return json.readValue(body, ChatRequest.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }
}
