package dev.legalgen.generation;

import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.provider.Completion;
import dev.legalgen.provider.InvalidOutputException;
import dev.legalgen.provider.ProviderChain;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One sample for one plan slot: the prompt, the provider chain (failover, retries, rate limits), then
 * parse and validate the model's JSON, which the chain re-asks once when unusable. The job's processor
 * and the REST API's single sample both generate through this.
 */
public final class SampleGeneration {

    private final PromptBuilder prompts = new PromptBuilder();
    private final SampleParser parser = new SampleParser();
    private final Clock clock;

    public SampleGeneration(Clock clock) {
        this.clock = clock;
    }

    /**
     * A new sample of instance {@code jobInstanceId} and batch {@code batchId} (0 and null for one not
     * stored); its waits end early when {@code cancelled} says so.
     */
    public LegalSample generate(
            GenerationRequest request,
            ProviderChain chain,
            long jobInstanceId,
            String batchId,
            BooleanSupplier cancelled) {
        ChatPrompt prompt = prompts.build(request);
        Parsed parsed = chain.generate(prompt.system(), prompt.user(), this::parse, cancelled);
        Completion completion = parsed.completion();
        SampleContent content = parsed.content();
        Instant now = clock.instant();
        return new LegalSample(
                LegalSample.newId(completion.provider()),
                jobInstanceId,
                request.slot(),
                batchId,
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
}
