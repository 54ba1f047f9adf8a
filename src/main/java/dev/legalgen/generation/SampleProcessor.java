package dev.legalgen.generation;

import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.provider.ProviderChain;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a plan slot into a sample ({@link SampleGeneration}); its {@link SampleAcceptance} journals each accepted
 * answer before it returns to the chunk, and a slot with a journaled answer reuses it instead of asking again.
 * Thread-safe: the items of a chunk are processed concurrently.
 */
public class SampleProcessor implements ItemProcessor<GenerationRequest, LegalSample> {

    private static final Logger log = LoggerFactory.getLogger(SampleProcessor.class);

    private final SampleContext context;
    private final AnswerJournal journal;
    private final SampleGeneration generation;
    private final ProviderChain chain;
    private final SampleAcceptance acceptance;

    public SampleProcessor(
            SampleContext context,
            AnswerJournal journal,
            SampleGeneration generation,
            ProviderChain chain,
            SampleAcceptance acceptance) {
        this.context = context;
        this.journal = journal;
        this.generation = generation;
        this.chain = chain;
        this.acceptance = acceptance;
    }

    @Override
    public LegalSample process(GenerationRequest request) {
        if (context.stepFailed().getAsBoolean()) {
            // A chunk's items are all submitted before the first result is awaited, and Batch does not
            // cancel the rest when one fails: they must not go on calling (and paying) the provider.
            throw new IllegalStateException("slot " + request.slot() + " not generated: its step has already failed");
        }
        Optional<LegalSample> journaled = journal.find(context.jobInstanceId(), request.slot());
        if (journaled.isPresent()) {
            log.info(
                    "Slot {}: reusing answer {}, journaled by an earlier execution, without calling a provider",
                    request.slot(),
                    journaled.get().id());
            return journaled.get();
        }
        // an item still waiting when its step fails gives up its wait: the step's other calls are already lost
        return generation.generate(
                request, chain, context.jobInstanceId(), context.batchId(), context.stepFailed(), acceptance);
    }

    /**
     * What every sample of a run shares: the job instance it belongs to, the instance's fixed batch id, and whether
     * the step processing it has failed.
     */
    public record SampleContext(long jobInstanceId, String batchId, BooleanSupplier stepFailed) {}
}
