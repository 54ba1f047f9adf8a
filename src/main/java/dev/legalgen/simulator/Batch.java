package dev.legalgen.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One batch and its state on the clock: {@code validating}, then {@code failed} or {@code in_progress}, its lines
 * run one after another, then {@code finalizing} and {@code completed}; or {@code expired} when its window (or a
 * scripted expiry) stops it, or {@code cancelling} and {@code cancelled}. The state moves only when the batch is
 * looked at ({@link #advance}), catching up with the clock: lines are run then, so that what they answer happens
 * in the order a real batch would answer it, without a thread of its own.
 */
final class Batch {

    private static final String EXPIRED = "This request could not be executed before the completion window expired.";
    private static final String CANCELLED = "This request was not executed because the batch was cancelled.";

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
    private BatchStatus status = BatchStatus.VALIDATING;
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
        if (status == BatchStatus.VALIDATING) {
            Instant validated = spec.createdAt().plus(timing.validating());
            if (now.isBefore(validated)) {
                return;
            }
            if (fate instanceof BatchFate.FailsValidation) {
                end(BatchStatus.FAILED, validated);
                return;
            }
            status = BatchStatus.IN_PROGRESS;
            inProgressAt = validated;
        }
        if (status == BatchStatus.IN_PROGRESS) {
            runDue(now);
        }
        if (status == BatchStatus.FINALIZING && !now.isBefore(finalizingAt.plus(timing.finalizing()))) {
            end(BatchStatus.COMPLETED, finalizingAt.plus(timing.finalizing()));
        }
        if (status == BatchStatus.CANCELLING && !now.isBefore(cancellingAt.plus(timing.cancelling()))) {
            end(BatchStatus.CANCELLED, cancellingAt.plus(timing.cancelling()));
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
                status = BatchStatus.CANCELLING;
                cancellingAt = now;
                advance(now);
                yield true;
            }
            case CANCELLING, CANCELLED -> true;
            case FAILED, COMPLETED, EXPIRED -> false;
        };
    }

    String id() {
        return spec.id();
    }

    synchronized BatchStatus status() {
        return status;
    }

    /** What the batch object reports; a snapshot, taken under the batch's lock. */
    synchronized BatchView view() {
        return new BatchView(
                spec,
                status,
                // Groq reports a total of 0 until validation has passed (its documented example)
                status == BatchStatus.VALIDATING || status == BatchStatus.FAILED ? 0 : requests.size(),
                succeeded,
                ran.size() - succeeded,
                inProgressAt,
                finalizingAt,
                endedAt,
                cancellingAt,
                written.outputFileId(),
                written.errorFileId(),
                status == BatchStatus.FAILED && fate instanceof BatchFate.FailsValidation failure ? failure : null);
    }

    /** Runs the lines due by {@code now}, or stops the batch where its window or a scripted expiry ends it. */
    private void runDue(Instant now) {
        while (ran.size() < requests.size()) {
            Instant lastDone = inProgressAt.plus(timing.perLine().multipliedBy(ran.size()));
            if (fate instanceof BatchFate.ExpiresAfter expiry && expiry.lines() == ran.size()) {
                end(BatchStatus.EXPIRED, lastDone);
                return;
            }
            Instant due = lastDone.plus(timing.perLine());
            if (due.isAfter(spec.expiresAt())) {
                if (!now.isBefore(spec.expiresAt())) {
                    end(BatchStatus.EXPIRED, spec.expiresAt());
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
        status = BatchStatus.FINALIZING;
        finalizingAt = inProgressAt.plus(timing.perLine().multipliedBy(requests.size()));
    }

    private void end(BatchStatus ended, Instant at) {
        status = ended;
        endedAt = at;
        written = switch (ended) {
            case EXPIRED -> resultFiles.write(spec.id(), ran, notRun("batch_expired", EXPIRED));
            case CANCELLED -> resultFiles.write(spec.id(), ran, notRun("batch_cancelled", CANCELLED));
            case COMPLETED -> resultFiles.write(spec.id(), ran, List.of());
            default -> ResultFiles.NONE; // failed validation: no line ran
        };
    }

    /** The error lines of the requests not run: OpenAI's shape, the codes and messages inferred. */
    private List<byte[]> notRun(String code, String message) {
        return requests.subList(ran.size(), requests.size()).stream()
                .map(line -> lines.notRun(line, code, message))
                .toList();
    }
}
