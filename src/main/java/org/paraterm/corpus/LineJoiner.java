package org.paraterm.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts the running text's lines back into paragraphs, joining the pieces of words and sentences
 * the PDF broke apart.
 *
 * <p>Where a paragraph ends: these extracts leave a space at the end of a paragraph's last line
 * and none where a line was only wrapped, which is the surest signal there is; a footnote mark
 * ending a line hides it, so then the character before the mark decides. Extracts without that
 * signal fall back to indentation and numbering.
 */
final class LineJoiner {

    private static final Pattern PARAGRAPH_NUMBER = Pattern.compile(
            "[\\s\u3000]*(?:\\d{1,3}\\.|\\([a-z]{1,5}\\)|[一二三四五六七八九十]+\\.|[A-Z]\\.)[\\s\u3000].*");

    private LineJoiner() {
    }

    static List<String> paragraphs(List<PageLayout.BodyLine> lines, FootnoteMarker marker) {
        boolean trailingSpaceEndsParagraph = trailingSpaceIsASignal(lines);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PageLayout.BodyLine previousText = null;
        PageLayout.BodyLine labelBetween = null;
        for (PageLayout.BodyLine line : lines) {
            if (line.isLabel()) {
                if (current.length() > 0 && marker.acceptLabel(line.label())) {
                    current.append(Chars.mark(line.label()));
                    labelBetween = line;
                }
                continue;
            }
            String text = marker.mark(line.text(), current.length() == 0 ? 0 : lastTextChar(current));
            if (previousText != null
                    && endsParagraph(previousText, labelBetween, line, current, trailingSpaceEndsParagraph)) {
                flush(current, paragraphs);
            }
            if (current.length() == 0) {
                current.append(Chars.stripSpaces(text));
            } else {
                join(current, Chars.stripSpaces(text));
            }
            previousText = line;
            labelBetween = null;
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    /** Joins the wrapped lines of a footnote. */
    static String joinLines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String stripped = Chars.stripSpaces(line);
            if (stripped.isEmpty()) {
                continue;
            }
            if (text.length() == 0) {
                text.append(stripped);
            } else {
                join(text, stripped);
            }
        }
        return text.toString();
    }

    /**
     * Appends {@code next} to {@code text} the way the line break should have read: Chinese joins
     * with nothing between, Latin words with one space, and a word hyphenated at the line end
     * becomes whole again.
     */
    static void join(StringBuilder text, String next) {
        if (next.isEmpty()) {
            return;
        }
        int lastIndex = lastTextIndex(text);
        char last = lastIndex < 0 ? 0 : text.charAt(lastIndex);
        char first = next.charAt(0);
        if (last == '-' && lastIndex > 0 && Chars.isLatinLetter(text.charAt(lastIndex - 1))
                && Character.isLowerCase(first) && lastIndex == text.length() - 1) {
            text.setLength(lastIndex);
            text.append(next);
            return;
        }
        if (needsSpace(last, first)) {
            text.append(' ');
        }
        text.append(next);
    }

    private static boolean needsSpace(char last, char first) {
        if (last == 0 || Chars.isCjk(last) || Chars.isCjk(first) || Chars.isMark(first)) {
            return false;
        }
        if (last == '-' || last == '/' || last == '(' || last == '[' || last == '“') {
            return false;
        }
        return !(first == ')' || first == ']' || first == ',' || first == '.' || first == ';' || first == ':'
                || first == '/' || first == '”');
    }

    private static boolean endsParagraph(PageLayout.BodyLine previous, PageLayout.BodyLine label,
                                         PageLayout.BodyLine next, StringBuilder current,
                                         boolean trailingSpaceEndsParagraph) {
        if (label != null) {
            // A mark alone on a line keeps the space that followed it when the text goes on.
            return trailingSpaceEndsParagraph ? !label.endsWithSpace() : startsNewParagraph(next);
        }
        if (trailingSpaceEndsParagraph) {
            if (!previous.endsWithSpace()) {
                return false;
            }
            int i = current.length() - 1;
            if (i >= 0 && Chars.isMark(current.charAt(i))) {
                while (i >= 0 && Chars.isMark(current.charAt(i))) {
                    i--;
                }
                return i < 0 || Chars.isClauseEnd(current.charAt(i));
            }
            return true;
        }
        char last = lastTextChar(current);
        return startsNewParagraph(next) && (last == 0 || Chars.isClauseEnd(last) || !Chars.isHan(last));
    }

    private static boolean startsNewParagraph(PageLayout.BodyLine next) {
        return (next.indent() > 0 && !next.startsPage()) || PARAGRAPH_NUMBER.matcher(next.text()).matches();
    }

    /** Whether this extract marks paragraph ends with a trailing space (some lines have it, most not). */
    private static boolean trailingSpaceIsASignal(List<PageLayout.BodyLine> lines) {
        int text = 0;
        int trailing = 0;
        for (PageLayout.BodyLine line : lines) {
            if (!line.isLabel()) {
                text++;
                if (line.endsWithSpace()) {
                    trailing++;
                }
            }
        }
        return text > 0 && trailing > 0 && trailing < text * 0.9;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        String paragraph = current.toString();
        if (!Chars.stripSpaces(paragraph).isEmpty()) {
            paragraphs.add(paragraph);
        }
        current.setLength(0);
    }

    private static int lastTextIndex(CharSequence text) {
        int i = text.length() - 1;
        while (i >= 0 && (Chars.isMark(text.charAt(i)) || Chars.isSpace(text.charAt(i)))) {
            i--;
        }
        return i;
    }

    private static char lastTextChar(CharSequence text) {
        int i = lastTextIndex(text);
        return i < 0 ? 0 : text.charAt(i);
    }
}
