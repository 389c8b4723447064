package org.paraterm.corpus;

/** What a paragraph is in the structure of a UN document. */
public enum ParagraphKind {
    /** Lines above the title: session, agenda item, sponsor, adoption note. */
    FRONT,
    /** The document's title. */
    TITLE,
    /** A section heading ("一. 导言", "A. 立法应对") or the organ line ("大会，"). */
    HEADING,
    /** A preambular paragraph of a resolution (before the first operative paragraph). */
    PREAMBULAR,
    /** A numbered operative paragraph of a resolution, or a lettered sub-paragraph of one. */
    OPERATIVE,
    /** A numbered paragraph of a report. */
    NUMBERED,
    /** Any other running text. */
    TEXT,
    /** The closing lines: date of adoption, plenary meeting. */
    CLOSING
}
