package dev.legalgen.quality.citation;

import java.util.List;

/**
 * A full case citation: "Palsgraf v. Long Island R.R. Co., 248 N.Y. 339, 162 N.E. 99 (1928)" has two references
 * (parallel citations of one decision), "Donoghue v Stevenson [1932] AC 562 (HL)" one without a volume.
 *
 * @param court what the parenthetical names before the year ("2d Cir.", "HL"), empty when it names none
 */
public record CaseCitation(String caseName, List<Reference> references, String court, int year) {

    public CaseCitation {
        references = List.copyOf(references);
        if (references.isEmpty()) {
            throw new IllegalArgumentException("a case citation has at least one reference");
        }
    }

    /**
     * Where the decision is printed: "347 U.S. 483, 495" is volume 347, reporter U.S., page 483, pin cite 495.
     *
     * @param volume empty when the citation has none ("[1932] AC 562": the year is the volume)
     * @param pinCite empty when the citation has none
     */
    public record Reference(String volume, String reporter, String page, String pinCite) {

        public boolean hasVolume() {
            return !volume.isEmpty();
        }
    }
}
