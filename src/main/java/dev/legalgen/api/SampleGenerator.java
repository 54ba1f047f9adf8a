package dev.legalgen.api;

import dev.legalgen.catalog.Catalog;
import dev.legalgen.catalog.GenerationRequest;
import dev.legalgen.chain.ProviderChains;
import dev.legalgen.export.SampleJson;
import dev.legalgen.generation.LegalSample;
import dev.legalgen.generation.SampleAcceptance;
import dev.legalgen.generation.SampleGeneration;
import dev.legalgen.job.UsageException;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.provider.ChainSpec;
import dev.legalgen.provider.ProviderChain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * One sample on request, not stored: the job's generation ({@link SampleGeneration}), on a chain made for
 * the request (so one client's failing provider does not mark it out for the next).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SampleGenerator {

    private final ProviderChains chains;
    private final DatasetLauncher launcher;
    private final SampleGeneration generation;
    private final Clock clock;

    SampleGenerator(ProviderChains chains, DatasetLauncher launcher, SampleGeneration generation, Clock clock) {
        this.chains = chains;
        this.launcher = launcher;
        this.generation = generation;
        this.clock = clock;
    }

    GenerateResponse generate(GenerateRequest body) {
        Instant started = clock.instant();
        GenerationRequest request = body.toGenerationRequest(Catalog.builtIn(), ThreadLocalRandom.current());
        String chainSpec = Chains.of(body.provider(), body.model());
        ProviderChain chain;
        try {
            chain = chains.forRequest(chainSpec == null ? launcher.defaultChain() : chainSpec);
        } catch (ChainSpec.InvalidChainException e) {
            throw UsageException.ofChain(e);
        }
        // not stored, so of no instance and in no batch
        LegalSample sample = generation.generate(request, chain, 0, null, () -> false, SampleAcceptance.ALWAYS);
        return GenerateResponse.of(SampleJson.of(sample), Duration.between(started, clock.instant()));
    }
}
