package org.paraterm.corpus;

import java.util.List;

/**
 * A document taken apart by page region: the running text's lines in reading order (page
 * furniture gone), the footnotes with their raw lines, the links listed under pages, and the
 * symbols printed in page headers.
 */
record PageLayout(List<BodyLine> body, List<RawFootnote> footnotes, List<String> links,
                  List<String> headerSymbols) {

    /**
     * A line of running text. {@code label} is set instead of text for a footnote mark standing
     * alone on its line.
     */
    record BodyLine(int lineNumber, String text, Integer label, boolean endsWithSpace, int indent,
                    boolean startsPage) {

        boolean isLabel() {
            return label != null;
        }
    }

    record RawFootnote(int number, List<String> lines) {
    }
}
