package dev.legalgen.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One batch and its state on the clock: {@code validating}, then {@code failed} or {@code in_progress}, its lines
 * run one after another, then {@code finalizing} and {@code completed}; or {@code expired} when its window (or a
 * scripted expiry) stops it, or {@code cancelling} and {@code cancelled}. The state moves only when the batch is
 * looked at ({@link #advance}), catching up with the clock: lines are run then, so that what they answer happens
 * in the order a real batch would answer it, without a thread of its own.
 */
final class Batch {

    enum Status {
        VALIDATING,
        FAILED,
        IN_PROGRESS,
        FINALIZING,
        COMPLETED,
        EXPIRED,
        CANCELLING,
        CANCELLED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a batch was created with; {@code metadata} is the client's, echoed (null when it sent none). */
    record Spec(
            String id,
            String inputFileId,
            String completionWindow,
            JsonNode metadata,
            Instant createdAt,
            Instant expiresAt) {}

    private final Spec spec;
    private final List<BatchInput.Line> requests;
    private final BatchTiming timing;
    private final BatchFate fate;
    private final BatchLines lines;
    private final ResultFiles resultFiles;
    private final List<BatchLines.Ran> ran = new ArrayList<>();
    private int succeeded;
    private Status status = Status.VALIDATING;
    private Instant inProgressAt;
    private Instant finalizingAt;
    private Instant endedAt;
    private Instant cancellingAt;
    private ResultFiles.Written written = ResultFiles.NONE;

    Batch(
            Spec spec,
            List<BatchInput.Line> requests,
            BatchTiming timing,
            BatchFate fate,
            BatchLines lines,
            ResultFiles resultFiles) {
        this.spec = spec;
        this.requests = requests;
        this.timing = timing;
        this.fate = fate;
        this.lines = lines;
        this.resultFiles = resultFiles;
    }

    /** Catches up with {@code now}: every transition and line due by then happens, in order. */
    synchronized void advance(Instant now) {
        if (status == Status.VALIDATING) {
            Instant validated = spec.createdAt().plus(timing.validating());
            if (now.isBefore(validated)) {
                return;
            }
            if (fate instanceof BatchFate.FailsValidation) {
                end(Status.FAILED, validated);
                return;
            }
            status = Status.IN_PROGRESS;
            inProgressAt = validated;
        }
        if (status == Status.IN_PROGRESS) {
            runDue(now);
        }
        if (status == Status.FINALIZING && !now.isBefore(finalizingAt.plus(timing.finalizing()))) {
            end(Status.COMPLETED, finalizingAt.plus(timing.finalizing()));
        }
        if (status == Status.CANCELLING && !now.isBefore(cancellingAt.plus(timing.cancelling()))) {
            end(Status.CANCELLED, cancellingAt.plus(timing.cancelling()));
        }
    }

    /**
     * Stops the batch where it is at {@code now}: the lines run so far keep their results, the rest will be
     * {@code batch_cancelled}. False when it has already ended otherwise; cancelling again changes nothing.
     */
    synchronized boolean cancel(Instant now) {
        advance(now);
        return switch (status) {
            case VALIDATING, IN_PROGRESS, FINALIZING -> {
                status = Status.CANCELLING;
                cancellingAt = now;
                advance(now);
                yield true;
            }
            case CANCELLING, CANCELLED -> true;
            case FAILED, COMPLETED, EXPIRED -> false;
        };
    }

    synchronized Status status() {
        return status;
    }

    /** What the batch object reports; a snapshot, taken under the batch's lock. */
    synchronized BatchView view() {
        return new BatchView(
                spec,
                status,
                // Groq reports a total of 0 until validation has passed (its documented example)
                status == Status.VALIDATING || status == Status.FAILED ? 0 : requests.size(),
                succeeded,
                ran.size() - succeeded,
                inProgressAt,
                finalizingAt,
                endedAt,
                cancellingAt,
                written.outputFileId(),
                written.errorFileId(),
                status == Status.FAILED && fate instanceof BatchFate.FailsValidation failure ? failure : null);
    }

    /** Runs the lines due by {@code now}, or stops the batch where its window or a scripted expiry ends it. */
    private void runDue(Instant now) {
        while (ran.size() < requests.size()) {
            Instant lastDone = inProgressAt.plus(timing.perLine().multipliedBy(ran.size()));
            if (fate instanceof BatchFate.ExpiresAfter expiry && expiry.lines() == ran.size()) {
                end(Status.EXPIRED, lastDone);
                return;
            }
            Instant due = lastDone.plus(timing.perLine());
            if (due.isAfter(spec.expiresAt())) {
                if (!now.isBefore(spec.expiresAt())) {
                    end(Status.EXPIRED, spec.expiresAt());
                }
                return;
            }
            if (due.isAfter(now)) {
                return;
            }
            BatchLines.Ran line = lines.run(requests.get(ran.size()));
            ran.add(line);
            succeeded += line.succeeded() ? 1 : 0;
        }
        status = Status.FINALIZING;
        finalizingAt = inProgressAt.plus(timing.perLine().multipliedBy(requests.size()));
    }

    private void end(Status ended, Instant at) {
        status = ended;
        endedAt = at;
        List<BatchInput.Line> notRun = requests.subList(ran.size(), requests.size());
        written = switch (ended) {
            // codes as OpenAI's error file names them (provider facts §10); messages inferred
            case EXPIRED ->
                resultFiles.write(
                        spec.id(),
                        ran,
                        notRun(
                                notRun,
                                "batch_expired",
                                "This request could not be" + " executed before the completion window expired."));
            case CANCELLED ->
                resultFiles.write(
                        spec.id(),
                        ran,
                        notRun(
                                notRun,
                                "batch_cancelled",
                                "This request was not" + " executed because the batch was cancelled."));
            case COMPLETED -> resultFiles.write(spec.id(), ran, List.of());
            default -> ResultFiles.NONE; // failed validation: no line ran
        };
    }

    private List<byte[]> notRun(List<BatchInput.Line> notRun, String code, String message) {
        return notRun.stream().map(line -> lines.notRun(line, code, message)).toList();
    }
}
