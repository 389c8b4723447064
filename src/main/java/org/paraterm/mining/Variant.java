package org.paraterm.mining;

import java.util.Map;

/**
 * Another form of a candidate's term, how it relates to it, how often it occurs on its own and in
 * which documents ({@code byDocument}: document index in the mined list → occurrences), so a
 * terminologist sees which texts use which wording.
 */
public record Variant(String form, Relation relation, int frequency, Map<Integer, Integer> byDocument) {

    public Variant {
        byDocument = DocumentCounts.of(byDocument);
    }

    public enum Relation {
        /** Written in brackets after the full form, not a part of it: 国际刑事警察组织(国际刑警组织). */
        ABBREVIATION,
        /** A part of the full form that stands alone elsewhere: 毒品和犯罪问题办公室. */
        SHORT_FORM,
        /** The same length, one or two characters different, used in the same contexts: 作战人员 ~ 战斗人员. */
        NEAR_IDENTICAL,
        /** The two halves in the other order: 贩运人口 ~ 人口贩运. */
        WORD_ORDER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
