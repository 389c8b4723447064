package org.paraterm.glossary;

/** Whether translators should use a term, as TBX-Basic's administrativeStatus names it. */
public enum UsageStatus {
    PREFERRED("preferredTerm-admn-sts"),
    ADMITTED("admittedTerm-admn-sts"),
    DEPRECATED("deprecatedTerm-admn-sts"),
    OBSOLETE("supersededTerm-admn-sts");

    private final String tbx;

    UsageStatus(String tbx) {
        this.tbx = tbx;
    }

    /** The TBX-Basic administrativeStatus value. */
    public String tbx() {
        return tbx;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
