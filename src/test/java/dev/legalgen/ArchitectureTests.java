package dev.legalgen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package layout of the README's design notes, checked on the compiled classes: dependencies point one way. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.legalgen");

    @Test
    void theConfigurationCheckDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.legalgen.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.legalgen.api..",
                        "dev.legalgen.catalog..",
                        "dev.legalgen.chain..",
                        "dev.legalgen.cli..",
                        "dev.legalgen.export..",
                        "dev.legalgen.generation..",
                        "dev.legalgen.job..",
                        "dev.legalgen.operations..",
                        "dev.legalgen.provider..",
                        "dev.legalgen.simulator..",
                        "dev.legalgen.store..")
                .check(CLASSES);
    }

    @Test
    void theSampleValidatorDependsOnNothingOfOursButTheConfigurationCheck() {
        noClasses()
                .that()
                .resideInAPackage("dev.legalgen.quality.validation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.legalgen.api..",
                        "dev.legalgen.catalog..",
                        "dev.legalgen.chain..",
                        "dev.legalgen.cli..",
                        "dev.legalgen.export..",
                        "dev.legalgen.generation..",
                        "dev.legalgen.job..",
                        "dev.legalgen.operations..",
                        "dev.legalgen.provider..",
                        "dev.legalgen.simulator..",
                        "dev.legalgen.store..")
                .check(CLASSES);
    }

    @Test
    void theDuplicateIndexNeedsOnlyTheDatabaseAndTheConfigurationCheck() {
        // the processor's re-ask loop calls it, inside the transaction that journals an answer: never the reverse
        noClasses()
                .that()
                .resideInAPackage("dev.legalgen.quality.dedup..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.legalgen.api..",
                        "dev.legalgen.catalog..",
                        "dev.legalgen.chain..",
                        "dev.legalgen.cli..",
                        "dev.legalgen.export..",
                        "dev.legalgen.generation..",
                        "dev.legalgen.job..",
                        "dev.legalgen.operations..",
                        "dev.legalgen.provider..",
                        "dev.legalgen.quality.citation..",
                        "dev.legalgen.quality.validation..",
                        "dev.legalgen.simulator..",
                        "dev.legalgen.store..",
                        "org.springframework.batch..",
                        "org.springframework.web..",
                        "java.net.http..")
                .check(CLASSES);
    }

    @Test
    void theSimulatorDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.legalgen.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.legalgen.api..",
                        "dev.legalgen.catalog..",
                        "dev.legalgen.chain..",
                        "dev.legalgen.cli..",
                        "dev.legalgen.config..",
                        "dev.legalgen.export..",
                        "dev.legalgen.generation..",
                        "dev.legalgen.job..",
                        "dev.legalgen.operations..",
                        "dev.legalgen.provider..",
                        "dev.legalgen.store..")
                .check(CLASSES);
    }

    @Test
    void theProvidersAndTheCatalogDependOnNoOtherPackageOfOursNorOnSpringBatch() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.legalgen.provider..", "dev.legalgen.catalog..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.legalgen.api..",
                        "dev.legalgen.chain..",
                        "dev.legalgen.cli..",
                        "dev.legalgen.export..",
                        "dev.legalgen.generation..",
                        "dev.legalgen.job..",
                        "dev.legalgen.operations..",
                        "dev.legalgen.simulator..",
                        "dev.legalgen.store..",
                        "org.springframework.batch.core..")
                .check(CLASSES);
    }

    @Test
    void theChainWiringKnowsNothingOfTheJobNorOfSpringBatch() {
        noClasses()
                .that()
                .resideInAPackage("dev.legalgen.chain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.legalgen.job..",
                        "dev.legalgen.operations..",
                        "dev.legalgen.cli..",
                        "dev.legalgen.api..",
                        "org.springframework.batch..")
                .check(CLASSES);
    }

    @Test
    void theJobUsesNeitherTheSimulatorNorRemotePartitioningNorItsOperators() {
        noClasses()
                .that()
                .resideInAPackage("dev.legalgen.job..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.legalgen.simulator..",
                        "dev.legalgen.remote..",
                        "dev.legalgen.operations..",
                        "dev.legalgen.cli..",
                        "dev.legalgen.api..")
                .check(CLASSES);
    }

    @Test
    void operationsServeTheCommandLineAndTheApiWithoutKnowingThem() {
        noClasses()
                .that()
                .resideInAPackage("dev.legalgen.operations..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.legalgen.cli..", "dev.legalgen.api..", "dev.legalgen.simulator..")
                .check(CLASSES);
    }

    @Test
    void theCitationCheckKnowsNothingOfTheJobItsOperatorsOrTheChains() {
        noClasses()
                .that()
                .resideInAPackage("dev.legalgen.quality.citation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.legalgen.job..",
                        "dev.legalgen.operations..",
                        "dev.legalgen.cli..",
                        "dev.legalgen.api..",
                        "dev.legalgen.chain..",
                        "dev.legalgen.simulator..",
                        "org.springframework.batch..")
                .check(CLASSES);
    }

    @Test
    void theDomainKnowsNothingOfHttpOrTheCommandLayers() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.legalgen.catalog..",
                        "dev.legalgen.generation..",
                        "dev.legalgen.store..",
                        "dev.legalgen.export..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.net.http..",
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "dev.legalgen.job..",
                        "dev.legalgen.chain..",
                        "dev.legalgen.operations..",
                        "dev.legalgen.cli..",
                        "dev.legalgen.api..")
                .check(CLASSES);
    }
}
