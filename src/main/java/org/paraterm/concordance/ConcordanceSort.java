package org.paraterm.concordance;

import java.util.Locale;

/** The orders of a concordance. */
public enum ConcordanceSort {
    /** Documents by symbol, hits in text order within each (body before footnotes). */
    DOC("文件 document"),
    /** Documents in the order they were loaded, hits in text order: the corpus read from start to end. */
    ORDER("语料顺序 corpus order"),
    /** By the text before the hit, read leftwards from it: the nearest character first. */
    LEFT("左侧语境 left context"),
    /** By the text after the hit. */
    RIGHT("右侧语境 right context");

    private final String label;

    ConcordanceSort(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sort a parameter names, or null for an unknown one. */
    public static ConcordanceSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DOC;
        }
        for (ConcordanceSort sort : values()) {
            if (sort.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return sort;
            }
        }
        return null;
    }
}
