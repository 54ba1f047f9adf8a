package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.EnumMap;
import java.util.Map;

/**
 * A {@link RequestGate} per Batch API endpoint, for tests that stop a client at a precise call. A call is held
 * before it is counted or takes effect (a held create creates no batch, a held upload stores no file), and one whose
 * client leaves while held is forgotten: the provider is left as if it had never come.
 */
final class BatchHolds {

    private final Map<BatchEndpoint, RequestGate> gates = new EnumMap<>(BatchEndpoint.class);

    BatchHolds() {
        for (BatchEndpoint endpoint : BatchEndpoint.values()) {
            gates.put(endpoint, new RequestGate());
        }
    }

    /** The next {@code passing} calls of {@code endpoint} go on; those after them wait for {@link #release()}. */
    void holdAfter(BatchEndpoint endpoint, int passing) {
        gates.get(endpoint).holdAfter(passing);
    }

    /** Every held call goes on, and no endpoint holds any more. */
    void release() {
        gates.values().forEach(RequestGate::release);
    }

    int held() {
        return gates.values().stream().mapToInt(RequestGate::held).sum();
    }

    /** True when the call may go on; false when its client left while it was held. */
    boolean pass(BatchEndpoint endpoint, HttpExchange exchange) throws InterruptedException {
        return gates.get(endpoint).pass(ClientConnections.of(exchange));
    }
}
