package dev.legalgen.api;

import dev.legalgen.export.SampleJson;
import dev.legalgen.chain.ProviderChains;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.catalog.Catalog;
import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.generation.ChatPrompt;
import dev.legalgen.generation.InvalidSampleException;
import dev.legalgen.generation.LegalSample;
import dev.legalgen.generation.PromptBuilder;
import dev.legalgen.generation.SampleContent;
import dev.legalgen.generation.SampleParser;
import dev.legalgen.provider.Completion;
import dev.legalgen.provider.InvalidOutputException;
import dev.legalgen.provider.ProviderChain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * One sample on request, not stored: the job's prompt, chain and parser, on a chain made for the
 * request (so one client's failing provider does not mark it out for the next).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SampleGenerator {

    private final ProviderChains chains;
    private final DatasetLauncher launcher;
    private final Clock clock;
    private final PromptBuilder prompts = new PromptBuilder();
    private final SampleParser parser = new SampleParser();

    SampleGenerator(ProviderChains chains, DatasetLauncher launcher, Clock clock) {
        this.chains = chains;
        this.launcher = launcher;
        this.clock = clock;
    }

    GenerateResponse generate(GenerateRequest body) {
        Instant started = clock.instant();
        GenerationRequest request = body.toGenerationRequest(Catalog.builtIn(), ThreadLocalRandom.current());
        String chainSpec = Chains.of(body.provider(), body.model());
        ProviderChain chain = chains.forRequest(chainSpec == null ? launcher.defaultChain() : chainSpec);
        ChatPrompt prompt = prompts.build(request);
        Generated generated = chain.generate(prompt.system(), prompt.user(), this::parse);
        Completion completion = generated.completion();
        SampleContent content = generated.content();
        Instant now = clock.instant();
        // not stored, so in no batch
        SampleJson sample = new SampleJson(LegalSample.newId(completion.provider()), completion.provider(),
                completion.model(), now, now, null, content.question(), content.answer(), content.reasoning(),
                content.caseCitation(), request.practiceArea(), request.topicLabel(), request.difficulty(),
                completion.totalTokens(), completion.latencyMs());
        return GenerateResponse.of(sample, Duration.between(started, now));
    }

    /** As the job's processor: unusable content is re-asked once by the chain, then given up. */
    private Generated parse(Completion completion) {
        try {
            return new Generated(parser.parse(completion.content()), completion);
        } catch (InvalidSampleException e) {
            throw new InvalidOutputException(completion.route() + " returned an unusable sample: " + e.getMessage(), e);
        }
    }

    private record Generated(SampleContent content, Completion completion) {}
}
