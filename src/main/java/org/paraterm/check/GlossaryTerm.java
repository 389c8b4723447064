package org.paraterm.check;

import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;

/**
 * A Chinese term of the glossary as the checker shows it: the term, where it belongs and what a
 * translator should write instead when it is not the preferred form.
 *
 * @param preferred the entry's preferred Chinese term (the term itself when it is the preferred one)
 * @param english   the entry's preferred English term, or null when the entry has none
 */
record GlossaryTerm(long entryId, String text, TermType type, UsageStatus usage, String note, String preferred,
                    String english) {

    /**
     * Deprecated and superseded terms, and variants that are merely admitted, are flagged; admitted
     * short forms and abbreviations (安理会, 国际刑警组织) are not: UN texts use them as a matter of
     * course once the full form has been given.
     */
    boolean flagged() {
        return usage == UsageStatus.DEPRECATED || usage == UsageStatus.OBSOLETE
                || (usage == UsageStatus.ADMITTED && type == TermType.VARIANT && !text.equals(preferred));
    }

    /** Why the term is flagged, in words, with the form to use and the terminologist's note. */
    String reason() {
        String why = switch (usage) {
            case DEPRECATED -> "deprecated: use " + preferred;
            case OBSOLETE -> "superseded: use " + preferred;
            default -> "variant: the preferred term is " + preferred;
        };
        return note == null || note.isBlank() ? why : why + " (" + note.strip() + ")";
    }
}
