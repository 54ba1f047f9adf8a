package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.provider.Completion;
import dev.legalgen.provider.ProviderChain;
import dev.legalgen.simulator.SeenRequest;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import dev.legalgen.testsupport.SimulatedProviders;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Chains running side by side in one process (the REST server's batches) share each provider's pace. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:shared-limit;DB_CLOSE_DELAY=-1")
class SharedRateLimitIntegrationTests {

    static final Simulator PROVIDER =
            Simulator.start(SimulatorConfig.defaults().withModels("m").withApiKey("k"));

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        SimulatedProviders.register(registry, "paced", PROVIDER, "k", "m", 60);
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Autowired
    ProviderChains chains;

    @Test
    void twoChainsOnOneProviderKeepToItsPaceTogether() {
        // given two chains, as two batches in one server would have
        ProviderChain first = chains.forRequest("paced");
        ProviderChain second = chains.forRequest("paced");

        // when each makes a call at once
        first.generate("system", "user", Completion::content);
        second.generate("system", "user", Completion::content);

        // then the provider saw them about a second apart (60 a minute), not one right after the other
        List<SeenRequest> seen = PROVIDER.requests();
        assertThat(seen).hasSize(2);
        assertThat(Duration.between(seen.get(0).time(), seen.get(1).time())).isGreaterThan(Duration.ofMillis(500));
    }
}
