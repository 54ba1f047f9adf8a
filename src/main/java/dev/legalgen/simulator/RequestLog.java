package dev.legalgen.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The chat requests the simulator has seen: exact counters and a bounded log in arrival order. */
final class RequestLog {

    // Long runs (a `simulate` server, the in-process simulator of a 1,000,000-sample job) must not
    // grow the heap with every request; tests look at far fewer. Counters stay exact past this.
    static final int MAX_LOGGED = 10_000;

    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perModel = new ConcurrentHashMap<>();
    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger logged = new AtomicInteger();
    private final AtomicInteger modelListings = new AtomicInteger();

    /** Records a request ({@code null}: unparseable) on arrival; its status is filled in when it is answered. */
    Arrival arrive(ChatRequest request, Instant time, PromptFacts facts) {
        total.incrementAndGet();
        String model = request == null ? null : request.model();
        if (model != null) {
            perModel.computeIfAbsent(model, ignored -> new AtomicInteger()).incrementAndGet();
        }
        Arrival arrival = new Arrival(request == null ? Asked.NOTHING : Asked.by(request), time, facts);
        arrivals.add(arrival);
        if (logged.incrementAndGet() > MAX_LOGGED && arrivals.poll() != null) {
            logged.decrementAndGet();
        }
        return arrival;
    }

    int count() {
        return total.get();
    }

    /** A {@code GET /models}, answered or refused. */
    void modelListing() {
        modelListings.incrementAndGet();
    }

    int modelListings() {
        return modelListings.get();
    }

    int count(String model) {
        AtomicInteger count = perModel.get(model);
        return count == null ? 0 : count.get();
    }

    List<SeenRequest> snapshot() {
        List<SeenRequest> seen = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            seen.add(arrival.toSeenRequest());
        }
        return List.copyOf(seen);
    }

    void clear() {
        arrivals.clear();
        logged.set(0);
        perModel.clear();
        total.set(0);
        modelListings.set(0);
    }

    /** A request seen but perhaps not yet answered. */
    /** What a request asked for, without its prompt: the log holds thousands. */
    private record Asked(String model, String responseFormat, Integer maxCompletionTokens, String reasoningEffort) {
        static final Asked NOTHING = new Asked(null, null, null, null);

        static Asked by(ChatRequest request) {
            return new Asked(
                    request.model(),
                    request.responseFormatType(),
                    request.maxCompletionTokens(),
                    request.reasoningEffort());
        }
    }

    static final class Arrival {
        private final Asked asked;
        private final Instant time;
        private final PromptFacts facts;
        private volatile int status = SeenRequest.NO_RESPONSE;

        private Arrival(Asked asked, Instant time, PromptFacts facts) {
            this.asked = asked;
            this.time = time;
            this.facts = facts;
        }

        void answered(int answeredStatus) {
            status = answeredStatus;
        }

        SeenRequest toSeenRequest() {
            return new SeenRequest(
                    asked.model(),
                    time,
                    status,
                    facts.practiceArea(),
                    facts.topic(),
                    facts.difficulty(),
                    asked.responseFormat(),
                    asked.maxCompletionTokens(),
                    asked.reasoningEffort(),
                    facts.problems());
        }
    }
}
