package dev.legalgen.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults scripted per model. A model's own rules are consulted before the all-models rules; within one set of
 * rules, queued {@code next} faults come first, then the {@code always} fault, if any. Faults are taken once a
 * request has passed authentication and validation. {@link Fault.Status} and {@link Fault.Drop} answer before
 * rate limiting and consume no quota; the other faults shape an otherwise normal, admitted answer (a request
 * the limits refuse still uses up its fault).
 */
public final class FaultScript {

    private final Map<String, Rules> perModel = new ConcurrentHashMap<>();
    private final Rules allModels = new Rules();
    private final Repeats repeats = new Repeats();

    FaultScript() {}

    /** The rules for requests naming {@code model}. */
    public Rules forModel(String model) {
        Objects.requireNonNull(model, "model");
        return perModel.computeIfAbsent(model, ignored -> new Rules());
    }

    /** The rules for every request a model's own rules leave alone. */
    public Rules forAllModels() {
        return allModels;
    }

    /** Forgets every scripted fault. */
    public void clear() {
        perModel.clear();
        allModels.clear();
        repeats.clear();
    }

    /** What {@link Fault.Repeat} repeats. */
    Repeats repeats() {
        return repeats;
    }

    /** The fault for the next request to {@code model}, consuming a {@code next} entry; null when none. */
    Fault take(String model) {
        Rules own = perModel.get(model);
        Fault fault = own == null ? null : own.take();
        return fault != null ? fault : allModels.take();
    }

    /** Faults for one model (or all): a queue of one-shot faults in front of an optional standing one. */
    public static final class Rules {

        private final Deque<Fault> queued = new ArrayDeque<>();
        private Fault standing;
        private int healthyBeforeStanding;

        Rules() {}

        /** Every request gets {@code fault} (after any queued ones) until {@link #clear()}. */
        public synchronized Rules always(Fault fault) {
            standing = Objects.requireNonNull(fault, "fault");
            healthyBeforeStanding = 0;
            return this;
        }

        /**
         * After {@code requests} more normal answers, every request gets {@code fault} until {@link #clear()}:
         * a key revoked or a model retired in the middle of a run.
         */
        public synchronized Rules after(int requests, Fault fault) {
            if (requests < 0) {
                throw new IllegalArgumentException("requests must not be negative, was " + requests);
            }
            standing = Objects.requireNonNull(fault, "fault");
            healthyBeforeStanding = requests;
            return this;
        }

        /** The next {@code times} requests get {@code fault}, after faults queued earlier; then back to normal. */
        public synchronized Rules next(int times, Fault fault) {
            Objects.requireNonNull(fault, "fault");
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1, was " + times);
            }
            for (int i = 0; i < times; i++) {
                queued.addLast(fault);
            }
            return this;
        }

        /** Shorthand for {@code next(1, fault)}. */
        public Rules next(Fault fault) {
            return next(1, fault);
        }

        public synchronized Rules clear() {
            queued.clear();
            standing = null;
            healthyBeforeStanding = 0;
            return this;
        }

        synchronized Fault take() {
            Fault fault = queued.pollFirst();
            if (fault != null || standing == null) {
                return fault;
            }
            if (healthyBeforeStanding > 0) {
                healthyBeforeStanding--;
                return null;
            }
            return standing;
        }
    }
}
