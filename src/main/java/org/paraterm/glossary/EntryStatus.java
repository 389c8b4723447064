package org.paraterm.glossary;

/** Where an entry is in review: candidate → in review → approved, or rejected (with a reason). */
public enum EntryStatus {
    CANDIDATE, IN_REVIEW, APPROVED, REJECTED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
