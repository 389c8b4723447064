package org.paraterm.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the classified lines page by page and moves footnote blocks, the link lists printed under
 * pages, and page headers out of the running text, so that a sentence interrupted by them reads on.
 *
 * <p>A footnote block starts at its rule and ends at the first of: a link, a page header, or, in
 * extracts that put a blank line after every line, a line that follows the one above without a
 * blank, which only happens where a new page begins.
 */
final class FootnoteSplitter {

    private static final Pattern FOOTNOTE_START = Pattern.compile("[\\s\u3000]*(\\d{1,3})[\\s\u3000]+(\\S.*)");

    private FootnoteSplitter() {
    }

    static PageLayout split(List<SourceLine> lines) {
        boolean blankAfterEveryLine = blankAfterEveryLine(lines);
        List<PageLayout.BodyLine> body = new ArrayList<>();
        List<PageLayout.RawFootnote> footnotes = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> headers = new ArrayList<>();

        boolean inFootnotes = false;
        boolean pageStarts = false;
        PageLayout.RawFootnote current = null;
        SourceLine previous = null;
        for (SourceLine line : lines) {
            SourceLine.Kind kind = line.kind();
            if (kind == SourceLine.Kind.BLANK) {
                continue;
            }
            boolean newPage = line.afterFormFeed()
                    || (blankAfterEveryLine && line.directlyAfterText() && previous != null
                    && previous.kind() != SourceLine.Kind.NUMBER && previous.kind() != SourceLine.Kind.SEPARATOR
                    && !(previous.kind() == SourceLine.Kind.LINK && kind == SourceLine.Kind.LINK));
            switch (kind) {
                case SEPARATOR -> {
                    inFootnotes = true;
                    current = null;
                }
                case LINK -> {
                    links.addAll(UnSymbols.links(line.stripped()));
                    inFootnotes = false;
                    pageStarts = true;
                }
                case PAGE_HEADER -> {
                    String symbol = line.stripped();
                    if (UnSymbols.isWholeSymbol(symbol)) {
                        headers.add(UnSymbols.canonical(symbol));
                    }
                    inFootnotes = false;
                    pageStarts = true;
                }
                case NUMBER -> {
                    if (inFootnotes && (current == null || line.numberValue() > current.number())) {
                        current = new PageLayout.RawFootnote(line.numberValue(), new ArrayList<>());
                        footnotes.add(current);
                    } else if (!inFootnotes) {
                        body.add(new PageLayout.BodyLine(line.number(), null, line.numberValue(),
                                line.endsWithSpace(), line.indent(), pageStarts || newPage));
                        pageStarts = false;
                    }
                }
                default -> {
                    if (inFootnotes && newPage) {
                        inFootnotes = false;
                        pageStarts = true;
                    }
                    if (inFootnotes) {
                        current = addFootnoteLine(line, current, footnotes, previous);
                    } else {
                        body.add(new PageLayout.BodyLine(line.number(), line.text(), null,
                                line.endsWithSpace(), line.indent(), pageStarts || newPage));
                        pageStarts = false;
                    }
                }
            }
            previous = line;
        }
        return new PageLayout(body, footnotes, links, headers);
    }

    private static PageLayout.RawFootnote addFootnoteLine(SourceLine line, PageLayout.RawFootnote current,
                                                         List<PageLayout.RawFootnote> footnotes,
                                                         SourceLine previous) {
        boolean afterLabel = previous != null && previous.kind() == SourceLine.Kind.NUMBER;
        Matcher start = FOOTNOTE_START.matcher(line.text());
        if (!afterLabel && start.matches()) {
            int number = Integer.parseInt(start.group(1));
            int last = lastNumber(footnotes);
            // A continuation line can begin with a number too ("37 段编写的…"): a new footnote
            // must carry the next number, or at least a higher one on an indented line.
            boolean next = number == last + 1 || (footnotes.isEmpty() && number > 0);
            boolean higherIndented = number > last && line.indent() > 0;
            if (next || higherIndented) {
                PageLayout.RawFootnote footnote = new PageLayout.RawFootnote(number, new ArrayList<>());
                footnote.lines().add(start.group(2));
                footnotes.add(footnote);
                return footnote;
            }
        }
        if (current == null) {
            // Text under a rule that does not start with a number: keep it, unnumbered notes are
            // still notes, and losing text is worse than a wrong number.
            current = new PageLayout.RawFootnote(lastNumber(footnotes) + 1, new ArrayList<>());
            footnotes.add(current);
        }
        current.lines().add(line.text());
        return current;
    }

    private static int lastNumber(List<PageLayout.RawFootnote> footnotes) {
        return footnotes.isEmpty() ? 0 : footnotes.get(footnotes.size() - 1).number();
    }

    /** Whether the extract puts a blank line after (nearly) every text line. */
    private static boolean blankAfterEveryLine(List<SourceLine> lines) {
        int text = 0;
        int followedByBlank = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).kind() == SourceLine.Kind.TEXT) {
                text++;
                if (lines.get(i + 1).kind() == SourceLine.Kind.BLANK) {
                    followedByBlank++;
                }
            }
        }
        return text >= 4 && followedByBlank >= text * 0.6;
    }
}
