package org.paraterm.glossary;

/** The form of a term, as TBX-Basic's termType names it. */
public enum TermType {
    /** The complete form: 联合国毒品和犯罪问题办公室. */
    FULL_FORM("fullForm"),
    /** An abbreviation or acronym: 毒品和犯罪问题办公室's UNODC, 国际刑警组织. */
    ABBREVIATION("acronym"),
    /** A shortened form that is part of the full form: 毒品和犯罪问题办公室. */
    SHORT_FORM("shortForm"),
    /** Another wording of the same concept: 外国恐怖主义战斗人员. */
    VARIANT("variant");

    private final String tbx;

    TermType(String tbx) {
        this.tbx = tbx;
    }

    /** The TBX-Basic termType value. */
    public String tbx() {
        return tbx;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
