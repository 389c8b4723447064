package org.paraterm.mining;

import org.paraterm.corpus.MatchText;

/**
 * A candidate that is a term of a glossary entry (compared in the form the glossary search
 * compares, {@link MatchText#searchForm}): the entry, the term's text there, its usage status
 * (preferred, admitted, deprecated, obsolete; lower case), the entry's preferred term in the
 * same language when this one is not it, the entry's status (as the entries API spells it:
 * candidate, in-review, approved, rejected) and whether it is published.
 */
public record GlossaryMark(long entryId, String term, String usage, String preferred, String entryStatus,
                           boolean published) {

    public String href() {
        return "/entries/" + entryId;
    }

    /** Whether the glossary records the form as one not to use (deprecated or obsolete). */
    public boolean discouraged() {
        return "deprecated".equals(usage) || "obsolete".equals(usage);
    }
}
