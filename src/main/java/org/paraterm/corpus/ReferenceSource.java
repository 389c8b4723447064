package org.paraterm.corpus;

/** How a cited UN symbol was found. */
public enum ReferenceSource {
    /** An undocs.org link from the PDF's link list. */
    LINK,
    /** Written out in the body text, such as "(S/2020/493，附件)". */
    TEXT,
    /** Written out in a footnote. */
    FOOTNOTE,
    /** A resolution cited by number, such as "第 73/187 号决议", resolved to its symbol. */
    RESOLUTION
}
