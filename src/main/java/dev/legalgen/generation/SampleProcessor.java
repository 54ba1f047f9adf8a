package dev.legalgen.generation;

import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.provider.Completion;
import dev.legalgen.provider.InvalidOutputException;
import dev.legalgen.provider.ProviderChain;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a plan slot into a sample: prompt, provider chain (failover, retries, rate limits), parse
 * and validate; each accepted answer is journaled before it returns to the chunk, and a slot with a
 * journaled answer reuses it instead of asking again. Thread-safe: the items of a chunk are processed
 * concurrently.
 */
public class SampleProcessor implements ItemProcessor<GenerationRequest, LegalSample> {

    private static final Logger log = LoggerFactory.getLogger(SampleProcessor.class);

    private final SampleContext context;
    private final AnswerJournal journal;
    private final PromptBuilder prompts;
    private final SampleParser parser;
    private final ProviderChain chain;
    private final Clock clock;

    public SampleProcessor(SampleContext context, AnswerJournal journal, PromptBuilder prompts, SampleParser parser,
            ProviderChain chain, Clock clock) {
        this.context = context;
        this.journal = journal;
        this.prompts = prompts;
        this.parser = parser;
        this.chain = chain;
        this.clock = clock;
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
            log.info("Slot {}: reusing answer {}, journaled by an earlier execution, without calling a provider",
                    request.slot(), journaled.get().id());
            return journaled.get();
        }
        LegalSample sample = generate(request);
        journal.record(sample, context.jobExecutionId());
        return sample;
    }

    private LegalSample generate(GenerationRequest request) {
        ChatPrompt prompt = prompts.build(request);
        Parsed parsed = chain.generate(prompt.system(), prompt.user(), this::parse);
        Completion completion = parsed.completion();
        SampleContent content = parsed.content();
        Instant now = clock.instant();
        return new LegalSample(
                LegalSample.newId(completion.provider()),
                context.jobInstanceId(),
                request.slot(),
                context.batchId(),
                completion.provider(),
                completion.model(),
                request.practiceArea(),
                request.topicLabel(),
                request.difficulty(),
                content.question(),
                content.answer(),
                content.reasoning(),
                content.caseCitation(),
                completion.totalTokens(),
                completion.latencyMs(),
                now,
                now);
    }

    /** Rejects unusable content so that the chain re-asks once, then gives the item up as invalid_output. */
    private Parsed parse(Completion completion) {
        try {
            return new Parsed(parser.parse(completion.content()), completion);
        } catch (InvalidSampleException e) {
            throw new InvalidOutputException(completion.route() + " returned an unusable sample: " + e.getMessage(), e);
        }
    }

    private record Parsed(SampleContent content, Completion completion) {}

    /**
     * What every sample of a run shares: the job instance it belongs to, the execution paying for its
     * calls, the instance's fixed batch id, and whether the step processing it has failed.
     */
    public record SampleContext(
            long jobInstanceId, long jobExecutionId, String batchId, BooleanSupplier stepFailed) {}
}
