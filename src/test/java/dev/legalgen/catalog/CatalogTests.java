package dev.legalgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTests {

    @TempDir
    Path dir;

    @Test
    void builtInCatalogHasTheRequiredAreasEachWithAtLeastSixDistinctTopics() {
        // given / when
        Catalog catalog = Catalog.builtIn();

        // then
        assertThat(catalog.practiceAreas())
                .extracting(PracticeArea::name)
                .contains(
                        "Contract Law",
                        "Tort Law",
                        "Criminal Law",
                        "Constitutional Law",
                        "Employment Law",
                        "Property Law",
                        "Civil Procedure",
                        "Evidence",
                        "Family Law",
                        "Corporate Law",
                        "Intellectual Property",
                        "Administrative Law");
        assertThat(catalog.practiceAreas()).allSatisfy(area -> {
            assertThat(area.topics()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(new HashSet<>(area.topics())).hasSameSizeAs(area.topics());
        });
        assertThat(catalog.find("Contract Law").orElseThrow().topics())
                .contains("Formation", "Consideration", "Breach and Remedies", "Statute of Frauds", "Parol Evidence");
    }

    @Test
    void findsAnAreaIgnoringCaseAndSurroundingBlanks() {
        // given
        Catalog catalog = Catalog.builtIn();

        // when / then
        assertThat(catalog.find("  contract LAW ")).map(PracticeArea::name).contains("Contract Law");
        assertThat(catalog.find("Contrct Law")).isEmpty();
    }

    @Test
    void loadsAUserFileSkippingCommentsBlankLinesAndEmptyTopics() throws IOException {
        // given
        Path file = write("""
                # my catalog

                Maritime Law: Salvage; General Average ;Limitation of Liability;
                  Sports Law : Player Contracts; Doping: Appeals
                """);

        // when
        Catalog catalog = Catalog.load(file);

        // then
        assertThat(catalog.practiceAreas())
                .containsExactly(
                        new PracticeArea(
                                "Maritime Law", List.of("Salvage", "General Average", "Limitation of Liability")),
                        new PracticeArea("Sports Law", List.of("Player Contracts", "Doping: Appeals")));
    }

    @Test
    void leadingByteOrderMarkIsNotPartOfTheFirstAreaName() throws IOException {
        // given
        Path file = write("\uFEFFMaritime Law: Salvage\n");

        // when
        Catalog catalog = Catalog.load(file);

        // then
        assertThat(catalog.find("maritime law")).isPresent();
    }

    @Test
    void missingColonNamesFileLineAndTheExpectedForm() throws IOException {
        assertRejected(
                "# header\nContract Law Formation; Consideration\n",
                "line 2",
                "missing ':'",
                "Contract Law: Formation");
    }

    @Test
    void emptyAreaNameIsRejected() throws IOException {
        assertRejected(": Formation\n", "line 1", "empty practice area name");
    }

    @Test
    void areaWithoutTopicsIsRejected() throws IOException {
        assertRejected("Contract Law: Formation\nTort Law: ; \n", "line 2", "'Tort Law' has no topics");
    }

    @Test
    void duplicateAreaIgnoringCaseIsRejected() throws IOException {
        assertRejected(
                "Contract Law: Formation\n\ncontract law: Consideration\n",
                "line 3",
                "'contract law' is defined twice");
    }

    @Test
    void duplicateTopicInAnAreaIsRejected() throws IOException {
        assertRejected(
                "Contract Law: Formation; Consideration; formation\n",
                "line 1",
                "topic 'formation' appears twice in practice area 'Contract Law'");
    }

    @Test
    void areaNameWithACommaIsRejectedBecauseParametersSplitOnCommas() throws IOException {
        assertRejected("Trusts, Wills and Estates: Intestacy\n", "line 1", "contains a comma");
    }

    @Test
    void fileWithOnlyCommentsIsRejectedAsEmpty() throws IOException {
        assertRejected("# nothing here\n\n", "defines no practice areas");
    }

    @Test
    void missingFileIsReportedWithItsPath() {
        // given
        Path missing = dir.resolve("nope.txt");

        // when / then
        assertThatThrownBy(() -> Catalog.load(missing))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot be read")
                .hasMessageContaining("no such file");
    }

    @Test
    void nonUtf8FileIsReportedAsUnreadable() throws IOException {
        // given
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'A', ':', ' ', (byte) 0xE9, '\n'});

        // when / then
        assertThatThrownBy(() -> Catalog.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("not UTF-8 text");
    }

    private void assertRejected(String content, String... fragments) throws IOException {
        // given
        Path file = write(content);

        // when / then
        assertThatThrownBy(() -> Catalog.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("catalog file " + file)
                .hasMessageContainingAll(fragments);
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "catalog", ".txt");
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
