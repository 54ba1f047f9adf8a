package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions}: authenticate, wait at the gate when it holds, apply any scripted fault,
 * enforce limits, and leave the rest of the answer to {@link ChatAnswers}.
 */
final class ChatHandler implements HttpHandler {

    static final String PATH = "/v1/chat/completions";

    private final Dialect dialect;
    private final Duration latency;
    private final Clock clock;
    private final JsonMapper json;
    private final BearerAuth auth;
    private final ChatAnswers answers;
    private final FaultScript faults;
    private final RequestGate gate;
    private final RequestLog log;
    private final RateWindows limits;
    private final ErrorCatalog errors;

    ChatHandler(
            SimulatorConfig config,
            JsonMapper json,
            ChatAnswers answers,
            FaultScript faults,
            RequestGate gate,
            RequestLog log,
            RateWindows limits) {
        this.dialect = config.dialect();
        this.latency = config.latency();
        this.clock = config.clock();
        this.json = json;
        this.auth = new BearerAuth(config.apiKey());
        this.answers = answers;
        this.faults = faults;
        this.gate = gate;
        this.log = log;
        this.limits = limits;
        this.errors = new ErrorCatalog(dialect, json);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!PATH.equals(exchange.getRequestURI().getPath()) || !"POST".equals(exchange.getRequestMethod())) {
                Responder.unrouted(exchange);
                return;
            }
            ChatRequest request = parse(exchange.getRequestBody().readAllBytes());
            String prompt = ChatAnswers.prompt(request);
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
        Reply invalid = auth.accepts(exchange) ? answers.refusal(request) : errors.invalidKey();
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
            send(exchange, arrival, limits.peek(model), answers.failure(status, model));
            return;
        }
        int promptTokens = ChatRequest.estimateTokens(prompt);
        RateWindows.Admission admission = limits.admit(model, request.reservedTokens(promptTokens));
        if (!admission.admitted()) {
            send(exchange, arrival, admission.state(), errors.refusal(model, admission));
            return;
        }
        ChatAnswers.Answer answer = answers.complete(request, prompt, facts, fault);
        if (dialect == Dialect.GROQ) {
            exchange.getResponseHeaders().set("x-request-id", answer.requestId());
        }
        LimitState charged = limits.charge(model, admission, answer.usedTokens());
        send(exchange, arrival, charged, answer.reply());
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
