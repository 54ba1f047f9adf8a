package dev.legalgen.quality.citation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.quality.citation.CaseCitation.Reference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Full case citations in the forms models write, taken apart. */
class CaseCitationParserTests {

    @Test
    void aSupremeCourtCitation() {
        assertThat(parse("Brown v. Board of Education, 347 U.S. 483 (1954)"))
                .isEqualTo(new CaseCitation(
                        "Brown v. Board of Education", List.of(new Reference("347", "U.S.", "483", "")), "", 1954));
    }

    @Test
    void aPinCiteAndACourtBeforeTheYear() {
        assertThat(parse("Lotus Dev. Corp. v. Borland Int'l, Inc., 49 F.3d 807, 815-16 (1st Cir. 1995)"))
                .isEqualTo(new CaseCitation(
                        "Lotus Dev. Corp. v. Borland Int'l, Inc.",
                        List.of(new Reference("49", "F.3d", "807", "815-16")),
                        "1st Cir.",
                        1995));
    }

    @Test
    void parallelCitationsEachWithTheirPinCites() {
        assertThat(parse("Brown v. Board of Education, 347 U.S. 483, 495, 74 S. Ct. 686, 692 (1954)")
                        .references())
                .containsExactly(
                        new Reference("347", "U.S.", "483", "495"), new Reference("74", "S. Ct.", "686", "692"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Specht v. Netscape Commc'ns Corp., 150 F. Supp. 2d 585 (S.D.N.Y. 2001)",
                "Specht v. Netscape Commc'ns Corp., 150 F.Supp.2d 585 (S.D.N.Y. 2001)",
                "Specht v. Netscape Commc’ns Corp.,  150 F.  Supp. 2d\n585 (S.D.N.Y. 2001).",
            })
    void multiWordReportersWithOrWithoutSpacesAndStrayWhiteSpace(String citation) {
        CaseCitation parsed = parse(citation);

        assertThat(parsed.caseName()).isEqualTo("Specht v. Netscape Commc'ns Corp.");
        assertThat(parsed.references()).singleElement().satisfies(reference -> {
            assertThat(reference.volume()).isEqualTo("150");
            assertThat(ReporterTable.standard().canonical(reference.reporter())).contains("F. Supp. 2d");
            assertThat(reference.page()).isEqualTo("585");
        });
        assertThat(parsed.court()).isEqualTo("S.D.N.Y.");
        assertThat(parsed.year()).isEqualTo(2001);
    }

    @Test
    void stateReportersWithSeriesOrdinals() {
        assertThat(parse("Li v. Yellow Cab Co., 13 Cal. 3d 804, 119 Cal. Rptr. 858, 532 P.2d 1226 (Cal. 1975)"))
                .isEqualTo(new CaseCitation(
                        "Li v. Yellow Cab Co.",
                        List.of(
                                new Reference("13", "Cal. 3d", "804", ""),
                                new Reference("119", "Cal. Rptr.", "858", ""),
                                new Reference("532", "P.2d", "1226", "")),
                        "Cal.",
                        1975));
        assertThat(parse("People v. Goetz, 68 N.Y.2d 96, 506 N.Y.S. 2d 18 (1986)")
                        .references())
                .extracting(Reference::reporter)
                .containsExactly("N.Y.2d", "N.Y.S. 2d");
        assertThat(parse("Smith v. Jones, 990 So. 2d 12 (Fla. Dist. Ct. App. 2008)")
                        .court())
                .isEqualTo("Fla. Dist. Ct. App.");
    }

    @Test
    void partiesNamedInTheUsualWays() {
        assertThat(parse("In re Gault, 387 U.S. 1 (1967)").caseName()).isEqualTo("In re Gault");
        assertThat(parse("Ex parte Milligan, 71 U.S. 2 (1866)").caseName()).isEqualTo("Ex parte Milligan");
        assertThat(parse("United States v. Carroll Towing Co., 159 F.2d 169 (2d Cir. 1947)")
                        .caseName())
                .isEqualTo("United States v. Carroll Towing Co.");
        assertThat(parse("The Paquete Habana, 175 U.S. 677 (1900)").caseName()).isEqualTo("The Paquete Habana");
    }

    @Test
    void anEarlyVolumesNominativeReporterIsReadPast() {
        assertThat(parse("Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803)").references())
                .containsExactly(new Reference("5", "U.S.", "137", ""));
    }

    @Test
    void englishFormsWithTheYearFirst() {
        assertThat(parse("Donoghue v Stevenson [1932] AC 562 (HL)"))
                .isEqualTo(new CaseCitation(
                        "Donoghue v Stevenson", List.of(new Reference("", "AC", "562", "")), "HL", 1932));
        assertThat(parse("Carlill v. Carbolic Smoke Ball Co., [1893] 1 Q.B. 256 (C.A.)"))
                .isEqualTo(new CaseCitation(
                        "Carlill v. Carbolic Smoke Ball Co.",
                        List.of(new Reference("1", "Q.B.", "256", "")),
                        "C.A.",
                        1893));
        assertThat(parse("Hadley v Baxendale (1854) 9 Exch 341"))
                .isEqualTo(new CaseCitation(
                        "Hadley v Baxendale", List.of(new Reference("9", "Exch", "341", "")), "", 1854));
        assertThat(parse("Rylands v. Fletcher, (1868) L.R. 3 H.L. 330").references())
                .containsExactly(new Reference("3", "L.R. H.L.", "330", ""));
        assertThat(parse("Pinnel's Case (1602) 5 Co Rep 117a").references())
                .containsExactly(new Reference("5", "Co Rep", "117a", ""));
    }

    @Test
    void explanatoryParentheticalsAfterTheYearAreIgnored() {
        CaseCitation parsed = parse("Donoghue v. Stevenson, [1932] A.C. 562 (H.L.) (appeal taken from Scot.)");
        assertThat(parsed.court()).isEqualTo("H.L.");

        assertThat(parse("Brown v. Board of Education, 347 U.S. 483 (1954) (holding that separate is unequal)")
                        .year())
                .isEqualTo(1954);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "See generally contract law principles",
                "Restatement (Second) of Torts § 402A (1965)",
                "28 U.S.C. § 1332",
                "Brown v. Board of Education",
                "347 U.S. 483 (1954)",
                "Brown v. Board of Education, 347 U.S. 483",
                "Brown v. Board of Education, 347 U.S. (1954)",
                "Marbury v. Madison, U.S. 137 (1803)",
                "Brown v. Board of Education, 347 U.S. 483 (1954",
                "Id. at 495",
                "Smith v. Jones, 12 F.3d 45 (1995), aff'd, 516 U.S. 1 (1996)",
            })
    void anythingElseIsNoCaseCitation(String text) {
        assertThat(CaseCitationParser.parse(text)).isEmpty();
    }

    @Test
    void proseLongerThanACitationIsNotParsed() {
        String prose = "Brown v. Board of Education, 347 U.S. 483 (1954) " + "and many more words ".repeat(20);

        assertThat(prose.length()).isGreaterThan(CaseCitationParser.MAX_LENGTH);
        assertThat(CaseCitationParser.parse(prose)).isEmpty();
    }

    private static CaseCitation parse(String citation) {
        Optional<CaseCitation> parsed = CaseCitationParser.parse(citation);
        assertThat(parsed).as(citation).isPresent();
        return parsed.get();
    }
}
