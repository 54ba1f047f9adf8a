package dev.legalgen.batchmode;

import dev.legalgen.catalog.GenerationPlan;
import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.chain.BatchTarget;
import dev.legalgen.generation.ChatPrompt;
import dev.legalgen.generation.PromptBuilder;
import dev.legalgen.provider.BatchRequestLine;
import dev.legalgen.provider.Bill;
import dev.legalgen.provider.RequestOptions;
import dev.legalgen.provider.TokenUsage;
import dev.legalgen.store.BatchRecords.PriorLine;
import dev.legalgen.store.LineOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the request lines of a file: for each slot the request the synchronous path would send, or its re-ask: with
 * the reasons its last answer was refused, or with twice the completion budget after one cut off. The same slots and
 * prior lines always give the same file, so a file recorded before a crash is written again exactly.
 */
final class BatchRequests {

    private final PromptBuilder prompts = new PromptBuilder();

    /** Writes {@code slots}' lines to {@code file}; returns their worst case at the batch price. */
    Bill write(
            Path file,
            long jobInstanceId,
            int round,
            List<Integer> slots,
            GenerationPlan plan,
            Map<Integer, PriorLine> prior,
            BatchTarget target)
            throws IOException {
        String model = target.route().model();
        RequestOptions configured = target.settings().requestOptions(model);
        Bill worstCase = Bill.NONE;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int slot : slots) {
                PriorLine last = prior.get(slot);
                GenerationRequest request = plan.request(slot);
                ChatPrompt prompt = last != null && last.outcome() == LineOutcome.REJECTED
                        ? prompts.reask(request, last.problems())
                        : prompts.build(request);
                RequestOptions options =
                        last != null && last.outcome() == LineOutcome.TRUNCATED ? configured.enlarged() : configured;
                out.write(BatchRequestLine.of(
                        new CustomId(jobInstanceId, slot, round).toString(),
                        model,
                        prompt.system(),
                        prompt.user(),
                        options));
                out.write('\n');
                TokenUsage worst = TokenUsage.worstCase(
                        prompt.system().length() + prompt.user().length(), options.maxCompletionTokens());
                worstCase = worstCase.plus(target.settings().batchBill(model, worst));
            }
        }
        return worstCase;
    }
}
