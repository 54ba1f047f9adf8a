package dev.legalgen.api;

import dev.legalgen.store.SampleJson;

import dev.legalgen.catalog.Catalog;
import dev.legalgen.catalog.Difficulty;
import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.catalog.PracticeArea;
import dev.legalgen.generation.ChatPrompt;
import dev.legalgen.generation.InvalidSampleException;
import dev.legalgen.generation.PromptBuilder;
import dev.legalgen.generation.SampleContent;
import dev.legalgen.generation.SampleParser;
import dev.legalgen.job.DatasetLauncher;
import dev.legalgen.job.ProviderChains;
import dev.legalgen.provider.Completion;
import dev.legalgen.provider.InvalidOutputException;
import dev.legalgen.provider.ProviderChain;
import java.util.List;
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

    private static final Difficulty DEFAULT_DIFFICULTY = Difficulty.INTERMEDIATE;

    private final ProviderChains chains;
    private final DatasetLauncher launcher;
    private final PromptBuilder prompts = new PromptBuilder();
    private final SampleParser parser = new SampleParser();

    SampleGenerator(ProviderChains chains, DatasetLauncher launcher) {
        this.chains = chains;
        this.launcher = launcher;
    }

    SampleJson generate(GenerateRequest body) {
        GenerationRequest request = request(body);
        String chainSpec = Chains.of(body.provider(), null);
        ProviderChain chain = chains.forRequest(chainSpec == null ? launcher.defaultChain() : chainSpec);
        ChatPrompt prompt = prompts.build(request);
        Generated generated = chain.generate(prompt.system(), prompt.user(), this::parse);
        Completion completion = generated.completion();
        SampleContent content = generated.content();
        return new SampleJson(null, completion.provider(), completion.model(), null, null, null, content.question(),
                content.answer(), content.reasoning(), content.caseCitation(), request.practiceArea(),
                request.topicLabel(), request.difficulty(), completion.totalTokens(), completion.latencyMs());
    }

    /** Validates the body against the built-in catalog; a random slot varies the prompt's angle. */
    private static GenerationRequest request(GenerateRequest body) {
        Catalog catalog = Catalog.builtIn();
        if (body.practiceArea() == null || body.practiceArea().isBlank()) {
            throw ApiException.badRequest("practice_area", "required; allowed: " + catalog.areaNames());
        }
        PracticeArea area = catalog.find(body.practiceArea()).orElseThrow(() -> ApiException.badRequest(
                "practice_area", "unknown practice area '" + body.practiceArea() + "'; allowed: " + catalog.areaNames()));
        List<String> topics = area.topics();
        String topic = body.topic() == null || body.topic().isBlank()
                ? topics.get(ThreadLocalRandom.current().nextInt(topics.size()))
                : topics.stream().filter(t -> t.equalsIgnoreCase(body.topic().strip())).findFirst()
                        .orElseThrow(() -> ApiException.badRequest("topic", "'" + body.topic() + "' is not a topic of "
                                + area.name() + "; allowed: " + String.join(", ", topics)));
        Difficulty difficulty = body.difficulty() == null || body.difficulty().isBlank()
                ? DEFAULT_DIFFICULTY
                : Difficulty.find(body.difficulty()).orElseThrow(() -> ApiException.badRequest("difficulty",
                        "unknown difficulty '" + body.difficulty() + "'; allowed: " + Difficulty.allowedLabels()));
        return new GenerationRequest(ThreadLocalRandom.current().nextInt(1_000_000), area.name(), topic,
                difficulty.label());
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
