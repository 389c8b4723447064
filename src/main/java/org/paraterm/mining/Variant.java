package org.paraterm.mining;

/** Another form of a candidate's term, how it relates to it, and how often it occurs. */
public record Variant(String form, Relation relation, int frequency) {

    public enum Relation {
        /** Written in brackets after the full form: 国际刑事警察组织(国际刑警组织). */
        ABBREVIATION,
        /** The same length, one or two characters different: 作战人员 ~ 战斗人员. */
        NEAR_IDENTICAL,
        /** The two halves in the other order: 贩运人口 ~ 人口贩运. */
        WORD_ORDER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
