package dev.legalgen.quality.citation;

/**
 * One edition of a reporter ("F.3d") and the years of the cases it reports.
 *
 * @param firstYear {@link #UNKNOWN_START} when the table gives none
 * @param lastYear {@link #ONGOING} while the edition is still published
 */
public record ReporterEdition(String abbreviation, int firstYear, int lastYear, Source source) {

    public static final int UNKNOWN_START = Integer.MIN_VALUE;
    public static final int ONGOING = Integer.MAX_VALUE;

    /** Where a row of the table comes from: CourtListener knows the first kind only. */
    public enum Source {
        REPORTERS_DB,
        SUPPLEMENT
    }

    public boolean covers(int year) {
        return firstYear <= year && year <= lastYear;
    }
}
