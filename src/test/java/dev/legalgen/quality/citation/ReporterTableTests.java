package dev.legalgen.quality.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.legalgen.quality.citation.ReporterEdition.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped reporter table: reporters-db's editions and dates, its traps handled, and the English supplement. */
class ReporterTableTests {

    private final ReporterTable table = ReporterTable.standard();

    @Test
    void holdsEveryEditionOfReportersDbAndTheSupplement() {
        assertThat(table.size()).isGreaterThan(1_400);
        assertThat(table.editions("F.3d")).extracting(ReporterEdition::source).containsOnly(Source.REPORTERS_DB);
        assertThat(table.editions("Exch.")).extracting(ReporterEdition::source).containsOnly(Source.SUPPLEMENT);
    }

    @Test
    void editionsAreDatedPerSeries() {
        assertThat(only("F.3d")).isEqualTo(edition("F.3d", 1993, ReporterEdition.ONGOING));
        assertThat(only("F.4th")).isEqualTo(edition("F.4th", 2021, ReporterEdition.ONGOING));
        assertThat(only("A.3d")).isEqualTo(edition("A.3d", 2010, ReporterEdition.ONGOING));
        assertThat(only("P.3d")).isEqualTo(edition("P.3d", 2000, ReporterEdition.ONGOING));
        assertThat(only("N.E.")).isEqualTo(edition("N.E.", 1884, 1936));
        assertThat(only("F.2d")).isEqualTo(edition("F.2d", 1924, 1993));
    }

    @Test
    void officialSeriesAreDatedFromTheNominativeReportersTheirFirstVolumesReprint() {
        // reporters-db dates U.S. from 1875 and Mass. from 1867, their first volumes under their own names
        assertThat(only("U.S.")).isEqualTo(edition("U.S.", 1790, ReporterEdition.ONGOING));
        assertThat(only("Mass.")).isEqualTo(edition("Mass.", 1804, ReporterEdition.ONGOING));
    }

    @Test
    void variantSpellingsMapToTheirCanonicalEdition() {
        assertThat(table.canonical("F. 3d")).contains("F.3d");
        assertThat(table.canonical("Fed.Rep.3d")).contains("F.3d");
        assertThat(table.canonical("US")).contains("U.S.");
        assertThat(table.canonical("Atl.")).contains("A.");
        assertThat(table.canonical("A. 3d")).contains("A.3d");
        assertThat(table.canonical("So.2d")).contains("So. 2d");
        assertThat(table.canonical("Ex.")).contains("Exch.");
        assertThat(table.canonical("E.R.")).contains("Eng. Rep.");
    }

    @Test
    void spacingFullStopsAndCaseOfAnAbbreviationDoNotMatter() {
        assertThat(table.canonical("F.Supp.2d")).contains("F. Supp. 2d");
        assertThat(table.canonical("F.  Supp. 2d")).contains("F. Supp. 2d");
        assertThat(table.canonical("N.Y.S. 2d")).contains("N.Y.S.2d");
        assertThat(table.canonical("F. App’x")).contains("F. App'x");
        assertThat(table.canonical("QB")).contains("Q.B.");
        assertThat(table.canonical("Co Rep")).contains("Co. Rep.");
        assertThat(table.canonical("All ER")).contains("All E.R.");
    }

    @Test
    void anAbbreviationOfSeveralReportersMeansAnyOfThem() {
        // reporters-db lists two "Wash." reporters, Virginia's (1790-1796) and Washington's (1889-), and gives
        // "Wash." as a spelling of "Wash. Terr." (1854-1888) too
        List<ReporterEdition> wash = table.editions("Wash.");

        assertThat(wash)
                .extracting(ReporterEdition::abbreviation, ReporterEdition::firstYear)
                .containsExactlyInAnyOrder(tuple("Wash.", 1790), tuple("Wash.", 1889), tuple("Wash. Terr.", 1854));
        assertThat(table.canonical("Wash.")).isEmpty();
        // Q.B.: Adolphus & Ellis' new series, then the Law Reports in two reigns of a queen
        assertThat(table.editions("Q.B."))
                .extracting(ReporterEdition::firstYear)
                .containsExactly(1841, 1891, 1952);
    }

    @Test
    void anUnknownAbbreviationHasNoEdition() {
        assertThat(table.editions("Leg. Fict.")).isEmpty();
        assertThat(table.canonical("F. Sim.")).isEmpty();
    }

    @Test
    void theDerivedTableNamesItsSourceAndShipsWithItsLicence() throws IOException {
        assertThat(resource("quality/reporters.tsv"))
                .startsWith("# Reporter editions derived from Free Law Project's reporters-db (BSD-2-Clause")
                .containsPattern("# reporters-db commit [0-9a-f]{40}, reporters.json sha256 [0-9a-f]{64}");
        assertThat(resource("quality/REPORTERS-DB-NOTICE.txt"))
                .contains("Copyright (c) 2014, Free Law Project")
                .contains("Redistributions of source code must retain the above copyright notice");
    }

    private ReporterEdition only(String abbreviation) {
        List<ReporterEdition> editions = table.editions(abbreviation);
        assertThat(editions).as(abbreviation).hasSize(1);
        return editions.get(0);
    }

    private static ReporterEdition edition(String abbreviation, int first, int last) {
        return new ReporterEdition(abbreviation, first, last, Source.REPORTERS_DB);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReporterTableTests.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
