package org.paraterm.corpus;

/**
 * One line of the extracted text as the PDF tool wrote it, with what it is.
 *
 * @param number       1-based line number in the file, for messages
 * @param directlyAfterText the line above is not blank: in extracts that put a blank line after
 *                     every line, this only happens where one page ends and the next begins
 */
record SourceLine(int number, String text, Kind kind, boolean directlyAfterText, boolean afterFormFeed) {

    enum Kind {
        BLANK,
        /** The rule above a page's footnotes: a run of underscores, or a long run of spaces. */
        SEPARATOR,
        /** A web address alone on its line, as in the undocs.org lists under a page. */
        LINK,
        /** A document symbol or job number alone on its line: page furniture. */
        PAGE_HEADER,
        /** A number alone on its line: a footnote's label, or a footnote mark set apart. */
        NUMBER,
        TEXT
    }

    boolean endsWithSpace() {
        return Chars.endsWithSpace(text);
    }

    int indent() {
        return Chars.leadingSpaces(text);
    }

    String stripped() {
        return Chars.stripSpaces(text);
    }

    int numberValue() {
        return Integer.parseInt(stripped());
    }
}
