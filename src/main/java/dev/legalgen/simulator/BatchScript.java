package dev.legalgen.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Faults scripted for the Batch API, apart from the synchronous {@link FaultScript}. Line faults count the lines
 * run, in the order they run (each batch's input order, batch after batch) and whatever their answer: queued
 * {@code nextLines} faults come first, then the {@code everyNthLine} one. A {@link Fault.Status} answers a line
 * with that error; a content fault shapes its 200 as it would a synchronous answer. Batch fates are taken in
 * creation order, one per batch created. Call faults ({@link #nextCalls}) are taken per endpoint, by its calls.
 */
public final class BatchScript {

    private final Deque<Fault> queuedLines = new ArrayDeque<>();
    private final Deque<BatchFate> fates = new ArrayDeque<>();
    private final Map<BatchEndpoint, Deque<Fault>> queuedCalls = new EnumMap<>(BatchEndpoint.class);
    private Fault periodic;
    private int period;
    private long linesSincePeriodic;

    BatchScript() {}

    /** The next {@code lines} lines run get {@code fault}, after faults queued earlier. */
    public synchronized BatchScript nextLines(int lines, Fault fault) {
        requireLineFault(fault);
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1, was " + lines);
        }
        for (int i = 0; i < lines; i++) {
            queuedLines.addLast(fault);
        }
        return this;
    }

    /** Of the lines run from now on, the {@code n}th, {@code 2n}th, … get {@code fault}, until {@link #clear()}. */
    public synchronized BatchScript everyNthLine(int n, Fault fault) {
        requireLineFault(fault);
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        periodic = fault;
        period = n;
        linesSincePeriodic = 0;
        return this;
    }

    /**
     * The next batch created expires once {@code lines} of its lines have run: status {@code expired}, those lines
     * in its output (or error) file, the rest in its error file as {@code batch_expired}.
     */
    public synchronized BatchScript nextBatchExpiresAfter(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("lines must not be negative, was " + lines);
        }
        fates.addLast(new BatchFate.ExpiresAfter(lines));
        return this;
    }

    /** The next batch created fails validation: status {@code failed}, its {@code errors} naming this code. */
    public synchronized BatchScript nextBatchFailsValidation(String code, String message) {
        fates.addLast(new BatchFate.FailsValidation(
                Objects.requireNonNull(code, "code"), Objects.requireNonNull(message, "message")));
        return this;
    }

    /**
     * The next {@code calls} calls of {@code endpoint} get {@code fault}, once their key is accepted. A
     * {@link Fault.Status} is answered instead of the call, which takes no effect. A {@link Fault.Drop} takes effect,
     * then closes the connection without an answer, and a {@link Fault.Delay} takes effect and answers that much
     * later: the lost or late answer a client must not repeat blindly (the batch was created all the same).
     */
    public synchronized BatchScript nextCalls(BatchEndpoint endpoint, int calls, Fault fault) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fault, "fault");
        if (!(fault instanceof Fault.Status || fault instanceof Fault.Drop || fault instanceof Fault.Delay)) {
            // content faults shape a chat answer, which a Batch API call does not have
            throw new IllegalArgumentException(
                    "a Batch API call cannot be given " + fault + "; use a Status, Drop or Delay fault");
        }
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1, was " + calls);
        }
        Deque<Fault> queue = queuedCalls.computeIfAbsent(endpoint, ignored -> new ArrayDeque<>());
        for (int i = 0; i < calls; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /** Forgets every scripted line fault, batch fate and call fault. */
    public synchronized void clear() {
        queuedCalls.clear();
        queuedLines.clear();
        fates.clear();
        periodic = null;
        period = 0;
        linesSincePeriodic = 0;
    }

    /** The fault for the next line run, null when none. */
    synchronized Fault takeLineFault() {
        Fault queued = queuedLines.pollFirst();
        boolean periodicTurn = periodic != null && ++linesSincePeriodic % period == 0;
        if (queued != null) {
            return queued;
        }
        return periodicTurn ? periodic : null;
    }

    /** The fault for this call of {@code endpoint}, null when none. */
    synchronized Fault takeCallFault(BatchEndpoint endpoint) {
        Deque<Fault> queue = queuedCalls.get(endpoint);
        return queue == null ? null : queue.pollFirst();
    }

    /** The fate of the batch being created. */
    synchronized BatchFate takeFate() {
        BatchFate fate = fates.pollFirst();
        return fate == null ? BatchFate.NORMAL : fate;
    }

    private static void requireLineFault(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (fault instanceof Fault.Drop || fault instanceof Fault.Delay) {
            // a batch line has no connection of its own to drop, and its pace is the batch timing's
            throw new IllegalArgumentException(
                    "a batch line cannot be given " + fault + "; use a Status or content fault");
        }
    }
}
