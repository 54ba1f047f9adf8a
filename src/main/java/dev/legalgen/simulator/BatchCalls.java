package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * What every Batch API call goes through, in order: its endpoint's hold (a call whose client leaves while held is
 * dropped, never counted), its count, the key, a scripted call fault, then its effect and answer.
 */
final class BatchCalls {

    private final Dialect dialect;
    private final BearerAuth auth;
    private final ErrorCatalog errors;
    private final StatusFaults statusFaults;
    private final BatchScript script;
    private final BatchHolds holds;
    private final BatchLog log;
    private final RateWindows limits;

    BatchCalls(
            SimulatorConfig config,
            ErrorCatalog errors,
            BatchScript script,
            BatchHolds holds,
            BatchLog log,
            RateWindows limits) {
        this.dialect = config.dialect();
        this.auth = new BearerAuth(config.apiKey());
        this.errors = errors;
        this.statusFaults = new StatusFaults(dialect, errors);
        this.script = script;
        this.holds = holds;
        this.log = log;
        this.limits = limits;
    }

    /** Serves one call of {@code endpoint}; {@code effect} runs only for a call that reaches it, and answers it. */
    void serve(HttpExchange exchange, BatchEndpoint endpoint, Supplier<Reply> effect) throws IOException {
        try {
            if (!holds.pass(endpoint, exchange)) {
                Responder.drop(exchange); // the client left while held: as if it had never called
                return;
            }
            log.seen(endpoint);
            if (!auth.accepts(exchange)) {
                send(exchange, errors.invalidKey());
                return;
            }
            Fault fault = script.takeCallFault(endpoint);
            if (fault instanceof Fault.Status status) {
                send(exchange, statusFaults.reply(status, null));
                return;
            }
            Reply reply = effect.get();
            if (fault instanceof Fault.Drop) {
                Responder.drop(exchange);
                return;
            }
            if (fault instanceof Fault.Delay delay) {
                Thread.sleep(delay.duration().toMillis());
            }
            send(exchange, reply);
        } catch (InterruptedException closing) {
            // the simulator is closing while this call is held or delayed: leave without an answer
            Thread.currentThread().interrupt();
            Responder.drop(exchange);
        }
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        Responder.send(exchange, dialect, limits.peek(null), reply);
    }
}
