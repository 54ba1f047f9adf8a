package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.testsupport.Export;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code legalgen.quality.citations=flag}: every sample is kept, with the check of its citation in the export. One
 * partition, one call at a time, so that each scripted citation lands on a known slot.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:citation-flag;DB_CLOSE_DELAY=-1",
            "legalgen.job.partitions=1",
            "legalgen.job.concurrency=1",
            "legalgen.quality.citations=flag"
        })
class CitationFlagFunctionalTests {

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    SimulatorProvider simulatorProvider;

    @TempDir
    Path outDir;

    @Test
    void eachSampleCarriesTheCheckOfItsCitation() throws IOException {
        // given one citation of each kind, in slot order
        List<String> citations = List.of(
                "Brown v. Board of Education, 347 U.S. 483 (1954)",
                "Doe v. Roe, 12 Leg. Fict. 34 (2001)",
                "Smith v. Jones, 1 F.4th 100 (1990)",
                "See generally the law of contracts",
                "No single controlling case");
        Simulator simulator = simulatorProvider.simulator();
        simulator.reset();
        citations.forEach(
                citation -> simulator.faults().forAllModels().next(new Fault.Content(null, null, null, citation)));

        // when
        Outcome outcome = launcher.start(
                DatasetParameters.parse(
                        List.of(
                                "targetCount=5",
                                "chain=simulator",
                                "runId=" + UUID.randomUUID(),
                                "dataset=t-" + UUID.randomUUID(),
                                "output=" + outDir.resolve("s.jsonl")),
                        null),
                false);

        // then: kept, flagged, nothing re-asked
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
        assertThat(simulator.requestCount()).isEqualTo(5);
        assertThat(Export.read(outDir.resolve("s.jsonl")).lines().stream()
                        .map(line -> line.path("case_citation").asString() + " -> "
                                + line.path("citation_check").asString()))
                .containsExactly(
                        "Brown v. Board of Education, 347 U.S. 483 (1954) -> recognized",
                        "Doe v. Roe, 12 Leg. Fict. 34 (2001) -> unrecognized_reporter",
                        "Smith v. Jones, 1 F.4th 100 (1990) -> date_out_of_range",
                        "See generally the law of contracts -> malformed",
                        "No single controlling case -> none");
    }
}
