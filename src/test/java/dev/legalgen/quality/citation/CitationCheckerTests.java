package dev.legalgen.quality.citation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.testsupport.TestClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of case_citation a model writes, with the check it must get; the clock stands in 2026. */
class CitationCheckerTests {

    private final CitationChecker checker =
            new CitationChecker(ReporterTable.standard(), TestClock.manual(), CitationLookup.NONE);

    static Stream<Arguments> citations() {
        return Stream.of(
                // real landmark cases, with their reporters and years
                recognized("Brown v. Board of Education, 347 U.S. 483 (1954)"),
                recognized("Brown v. Board of Education, 347 U.S. 483, 495 (1954)"),
                recognized("Marbury v. Madison, 5 U.S. 137 (1803)"), // U.S. volumes 1-90 reprint the nominatives
                recognized("Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803)"),
                recognized("Ex parte Milligan, 71 U.S. (4 Wall.) 2 (1866)"),
                recognized("Pennoyer v. Neff, 95 U.S. 714 (1878)"),
                recognized("Miranda v. Arizona, 384 U.S. 436 (1966)"),
                recognized("In re Gault, 387 U.S. 1 (1967)"),
                recognized("International Shoe Co. v. Washington, 326 U.S. 310 (1945)"),
                recognized("Palsgraf v. Long Island R.R. Co., 248 N.Y. 339 (1928)"),
                recognized("Palsgraf v. Long Island R.R. Co., 162 N.E. 99 (N.Y. 1928)"),
                recognized("Palsgraf v. Long Island R.R. Co., 248 N.Y. 339, 162 N.E. 99 (1928)"),
                recognized("Commonwealth v. Hunt, 45 Mass. (4 Met.) 111 (1842)"),
                recognized("Brown v. Kendall, 60 Mass. 292 (1850)"), // Mass. volumes 1-96 renumber nominatives
                recognized("Hawkins v. McGee, 84 N.H. 114, 146 A. 641 (1929)"),
                recognized("Sherwood v. Walker, 66 Mich. 568, 33 N.W. 919 (1887)"),
                recognized("Li v. Yellow Cab Co., 13 Cal. 3d 804, 119 Cal. Rptr. 858, 532 P.2d 1226 (1975)"),
                recognized("People v. Goetz, 68 N.Y.2d 96, 497 N.E.2d 41, 506 N.Y.S.2d 18 (1986)"),
                recognized("United States v. Carroll Towing Co., 159 F.2d 169 (2d Cir. 1947)"),
                recognized("Lotus Dev. Corp. v. Borland Int'l, Inc., 49 F.3d 807 (1st Cir. 1995)"),
                recognized("Thaler v. Vidal, 43 F.4th 1207 (Fed. Cir. 2022)"),
                recognized("Specht v. Netscape Commc'ns Corp., 150 F. Supp. 2d 585 (S.D.N.Y. 2001)"),
                recognized("Specht v. Netscape Commc'ns Corp., 150 F.Supp.2d 585 (S.D.N.Y. 2001)"),
                // English reports, from the supplement
                recognized("Hadley v. Baxendale, 9 Exch. 341 (1854)"), // the prompt's own example
                recognized("Hadley v Baxendale (1854) 9 Exch 341"),
                recognized("Hadley v. Baxendale, (1854) 156 Eng. Rep. 145 (Exch.)"),
                recognized("Donoghue v Stevenson [1932] AC 562 (HL)"),
                recognized("Donoghue v. Stevenson, [1932] A.C. 562 (H.L.)"),
                recognized("Carlill v Carbolic Smoke Ball Co [1893] 1 QB 256 (CA)"),
                recognized("Carlill v. Carbolic Smoke Ball Co., [1893] 1 Q.B. 256 (C.A.)"),
                recognized("Rylands v Fletcher (1868) LR 3 HL 330"),
                recognized("Taylor v Caldwell (1863) 3 B & S 826"),
                recognized("Raffles v. Wichelhaus, 2 H. & C. 906 (1864)"),
                recognized("M'Naghten's Case (1843) 10 Cl & F 200"),
                recognized("Tulk v Moxhay (1848) 2 Ph 774"),
                recognized("Pinnel's Case (1602) 5 Co Rep 117a"),
                recognized("Krell v Henry [1903] 2 KB 740 (CA)"),
                recognized("R v Dudley and Stephens (1884) 14 QBD 273"),
                // invented reporters
                check("Smith v. Jones, 12 Leg. Fict. 34 (2001)", CitationCheck.UNRECOGNIZED_REPORTER),
                check("Doe v. Roe, 100 F. Sim. 200 (2010)", CitationCheck.UNRECOGNIZED_REPORTER),
                check(
                        "Acme Corp. v. Widget Co., 45 Imag. Rptr. 3d 67 (9th Cir. 2015)",
                        CitationCheck.UNRECOGNIZED_REPORTER),
                check(
                        "Palsgraf v. Long Island R.R. Co., 248 N.Y. 339, 162 Fict. 99 (1928)",
                        CitationCheck.UNRECOGNIZED_REPORTER),
                // real reporters, impossible years
                check("Smith v. Jones, 12 F.4th 345 (9th Cir. 1990)", CitationCheck.DATE_OUT_OF_RANGE),
                check("Smith v. Jones, 12 A.3d 345 (Pa. 1950)", CitationCheck.DATE_OUT_OF_RANGE),
                check("Palsgraf v. Long Island R.R. Co., 162 N.E. 99 (N.Y. 1950)", CitationCheck.DATE_OUT_OF_RANGE),
                check(
                        "Palsgraf v. Long Island R.R. Co., 248 N.Y. 339, 162 N.E.2d 99 (1928)",
                        CitationCheck.DATE_OUT_OF_RANGE),
                check("Marbury v. Madison, 5 U.S. 137 (1703)", CitationCheck.DATE_OUT_OF_RANGE),
                check("Donoghue v Stevenson [1832] AC 562", CitationCheck.DATE_OUT_OF_RANGE),
                check(
                        "Smith v. Jones, 12 F.4th 345 (9th Cir. 2027)",
                        CitationCheck.DATE_OUT_OF_RANGE), // after the clock's year
                // prose, statutes and other things that are not a case citation
                check("See generally contract law principles", CitationCheck.MALFORMED),
                check("Restatement (Second) of Contracts § 90 (1981)", CitationCheck.MALFORMED),
                check("42 U.S.C. § 1983", CitationCheck.MALFORMED),
                check("U.C.C. § 2-207", CitationCheck.MALFORMED),
                check("Brown v. Board of Education", CitationCheck.MALFORMED),
                check("347 U.S. 483 (1954)", CitationCheck.MALFORMED),
                check("Brown v. Board of Education, 347 U.S. 483", CitationCheck.MALFORMED),
                check("Brown v. Board of Education, 347 U.S. at 495", CitationCheck.MALFORMED),
                check("Id. at 495", CitationCheck.MALFORMED),
                check("Marbury v. Madison, U.S. 137 (1803)", CitationCheck.MALFORMED),
                check("", CitationCheck.MALFORMED),
                check("No single controlling case exists", CitationCheck.MALFORMED),
                check("No single controlling case.", CitationCheck.MALFORMED),
                // exactly the prompt's words for "no case", trimmed and in any case
                check("No single controlling case", CitationCheck.NONE),
                check("  no single controlling case\n", CitationCheck.NONE),
                check("NO SINGLE CONTROLLING CASE", CitationCheck.NONE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("citations")
    void everyCitationGetsItsCheck(String caseCitation, CitationCheck expected) {
        assertThat(checker.check(caseCitation)).isEqualTo(expected);
    }

    @Test
    void aMissingCitationIsMalformed() {
        assertThat(checker.check(null)).isEqualTo(CitationCheck.MALFORMED);
    }

    @Test
    void aRecognizedCitationTheLookupFindsIsVerified() {
        // given a lookup that finds everything it is asked for, and records what that was
        List<CaseCitation> asked = new CopyOnWriteArrayList<>();
        CitationChecker verifying = new CitationChecker(ReporterTable.standard(), TestClock.manual(), citation -> {
            asked.add(citation);
            return LookupOutcome.FOUND;
        });

        // when
        CitationCheck brown = verifying.check("Brown v. Board of Education, 347 U.S. 483 (1954)");
        CitationCheck invented = verifying.check("Smith v. Jones, 12 Leg. Fict. 34 (2001)");
        CitationCheck tooEarly = verifying.check("Smith v. Jones, 12 F.4th 345 (9th Cir. 1990)");

        // then: only the recognized citation was looked up
        assertThat(brown).isEqualTo(CitationCheck.VERIFIED);
        assertThat(invented).isEqualTo(CitationCheck.UNRECOGNIZED_REPORTER);
        assertThat(tooEarly).isEqualTo(CitationCheck.DATE_OUT_OF_RANGE);
        assertThat(asked).extracting(CaseCitation::caseName).containsExactly("Brown v. Board of Education");
    }

    @Test
    void aCitationTheLookupDoesNotFindStaysRecognized() {
        CitationChecker verifying =
                new CitationChecker(ReporterTable.standard(), TestClock.manual(), citation -> LookupOutcome.NOT_FOUND);

        assertThat(verifying.check("Brown v. Board of Education, 347 U.S. 483 (1954)"))
                .isEqualTo(CitationCheck.RECOGNIZED);
    }

    @Test
    void theJsonSpellingIsTheConstantInLowerCase() {
        assertThat(Stream.of(CitationCheck.values()).map(CitationCheck::jsonName))
                .containsExactly(
                        "recognized", "verified", "unrecognized_reporter", "date_out_of_range", "malformed", "none");
        assertThat(CitationCheck.fromJsonName("date_out_of_range")).isEqualTo(CitationCheck.DATE_OUT_OF_RANGE);
    }

    @Test
    void aRecognizedOrVerifiedCaseOrNoneClaimedPasses() {
        assertThat(Stream.of(CitationCheck.values()).filter(CitationCheck::passes))
                .containsExactly(CitationCheck.RECOGNIZED, CitationCheck.VERIFIED, CitationCheck.NONE);
    }

    private static Arguments recognized(String caseCitation) {
        return check(caseCitation, CitationCheck.RECOGNIZED);
    }

    private static Arguments check(String caseCitation, CitationCheck expected) {
        return Arguments.of(caseCitation, expected);
    }
}
