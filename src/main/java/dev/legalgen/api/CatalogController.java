package dev.legalgen.api;

import dev.legalgen.catalog.Catalog;
import dev.legalgen.catalog.Difficulty;
import dev.legalgen.chain.ProviderChains;
import dev.legalgen.job.RunMode;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.quality.citation.CitationCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/catalog}: what a start body and the sample filters may name, so that a client (the dashboard's
 * forms) offers the values the server takes: the built-in catalog's areas and topics, the difficulties, the modes,
 * the citation checks, each provider's usability (never a key) and the default chain.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CatalogController {

    private final ProviderChains chains;
    private final DatasetLauncher launcher;

    CatalogController(ProviderChains chains, DatasetLauncher launcher) {
        this.chains = chains;
        this.launcher = launcher;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CatalogBody(
            List<Area> practiceAreas,
            List<String> difficulties,
            List<String> modes,
            List<String> citationChecks,
            Map<String, String> providers,
            String defaultChain) {

        record Area(String name, List<String> topics) {}
    }

    @GetMapping("/api/catalog")
    CatalogBody catalog() {
        return new CatalogBody(
                Catalog.builtIn().practiceAreas().stream()
                        .map(area -> new CatalogBody.Area(area.name(), area.topics()))
                        .toList(),
                Arrays.stream(Difficulty.values()).map(Difficulty::label).toList(),
                Arrays.stream(RunMode.values()).map(RunMode::parameterValue).toList(),
                Arrays.stream(CitationCheck.values())
                        .map(CitationCheck::jsonName)
                        .toList(),
                chains.usability(),
                launcher.defaultChain());
    }
}
