package dev.legalgen.generation;

import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.provider.Bill;
import dev.legalgen.provider.Completion;
import dev.legalgen.provider.InvalidOutputException;
import dev.legalgen.provider.ProviderCallException;
import dev.legalgen.provider.ProviderChain;
import dev.legalgen.quality.QualitySettings;
import dev.legalgen.quality.citation.CitationChecker;
import dev.legalgen.quality.citation.CitationPolicy;
import dev.legalgen.quality.validation.SampleValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One sample for one plan slot: the prompt, the provider chain (failover, retries, rate limits), then the checks. A
 * reply that is not the JSON object asked for is re-asked once by the chain, as any unusable reply; a sample that
 * fails a quality check, or that its caller refuses (a duplicate), is asked for again with the reasons, up to
 * {@code legalgen.quality.max-attempts} generations, and then given up: as {@code duplicate} when the last one was a
 * duplicate, else as {@code invalid_output}. The job's processor and the REST API's single sample both generate
 * through this.
 */
public final class SampleGeneration {

    private final PromptBuilder prompts = new PromptBuilder();
    private final SampleParser parser = new SampleParser();
    private final SampleValidator validator;
    private final CitationChecker citations;
    private final CitationPolicy citationPolicy;
    private final QualitySettings quality;
    private final Clock clock;

    public SampleGeneration(
            SampleValidator validator,
            CitationChecker citations,
            CitationPolicy citationPolicy,
            QualitySettings quality,
            Clock clock) {
        this.validator = validator;
        this.citations = citations;
        this.citationPolicy = citationPolicy;
        this.quality = quality;
        this.clock = clock;
    }

    /**
     * A new sample of instance {@code jobInstanceId} and batch {@code batchId} (0 and null for one not stored), that
     * {@code acceptance} took; its waits end early when {@code cancelled} says so.
     *
     * @throws ProviderCallException when the chain gives the item up, or when no attempt was accepted
     */
    public LegalSample generate(
            GenerationRequest request,
            ProviderChain chain,
            long jobInstanceId,
            String batchId,
            BooleanSupplier cancelled,
            SampleAcceptance acceptance) {
        ChatPrompt prompt = prompts.build(request);
        Bill bill = Bill.NONE;
        for (int attempt = 1; ; attempt++) {
            Parsed parsed = chain.generate(prompt.system(), prompt.user(), this::parse, cancelled);
            bill = bill.plus(parsed.completion().bill());
            LegalSample sample = sample(request, parsed, jobInstanceId, batchId, attempt, bill);
            List<Rejection> rejections = rejections(sample, acceptance);
            if (rejections.isEmpty()) {
                return sample;
            }
            boolean reasked = attempt < quality.maxAttempts();
            acceptance.rejected(sample, rejections, reasked);
            List<String> problems = rejections.stream().map(Rejection::problem).toList();
            if (!reasked) {
                String message = "slot " + request.slot() + " rejected after " + attempt + " attempts: "
                        + String.join("; ", problems);
                // a duplicate is the caller's only refusal, and it is asked only of a sample the checks passed
                throw rejections.get(0).reason().duplicate()
                        ? ProviderCallException.duplicate(parsed.completion().route(), message)
                        : ProviderCallException.rejected(parsed.completion().route(), message);
            }
            prompt = prompts.reask(request, problems);
        }
    }

    /**
     * The verdict on one answer that came by another way than the chain (a provider's batch): its sample, attempt
     * {@code attempt} of its slot costing {@code bill} in all, and why it is refused (empty: {@code acceptance} took
     * it). The caller reports a refusal ({@link SampleAcceptance#rejected}), knowing whether the slot is asked again.
     *
     * @throws InvalidSampleException when the content is not the sample asked for
     */
    public Verdict judge(
            GenerationRequest request,
            Completion completion,
            long jobInstanceId,
            String batchId,
            int attempt,
            Bill bill,
            SampleAcceptance acceptance) {
        Parsed parsed = new Parsed(parser.parse(completion.content()), completion);
        LegalSample sample = sample(request, parsed, jobInstanceId, batchId, attempt, bill);
        return new Verdict(sample, rejections(sample, acceptance));
    }

    /** A sample and why it was refused; accepted when there is no reason. */
    public record Verdict(LegalSample sample, List<Rejection> rejections) {
        public boolean accepted() {
            return rejections.isEmpty();
        }

        /** The reasons, as the re-ask prompt names them. */
        public List<String> problems() {
            return rejections.stream().map(Rejection::problem).toList();
        }
    }

    /** The content checks first; only a sample that passes them is offered to its caller. */
    private List<Rejection> rejections(LegalSample sample, SampleAcceptance acceptance) {
        List<Rejection> rejections = new ArrayList<>();
        validator.problems(sample.question(), sample.answer(), sample.reasoning(), sample.caseCitation()).stream()
                .map(problem -> new Rejection(Rejection.Reason.VALIDATION, problem))
                .forEach(rejections::add);
        if (citationPolicy == CitationPolicy.REASK && !sample.citationCheck().passes()) {
            rejections.add(new Rejection(
                    Rejection.Reason.CITATION,
                    "the case_citation must be a real case in Bluebook form, with volume, reporter, page and"
                            + " year, or exactly \"" + CitationChecker.NO_CONTROLLING_CASE + "\" (it was "
                            + sample.citationCheck().jsonName() + ")"));
        }
        if (!rejections.isEmpty()) {
            return rejections;
        }
        return acceptance.accept(sample).map(List::of).orElse(List.of());
    }

    private LegalSample sample(
            GenerationRequest request, Parsed parsed, long jobInstanceId, String batchId, int attempt, Bill bill) {
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
                citationPolicy == CitationPolicy.OFF ? null : citations.check(content.caseCitation()),
                bill,
                completion.latencyMs(),
                attempt,
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
