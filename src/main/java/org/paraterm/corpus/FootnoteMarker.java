package org.paraterm.corpus;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds footnote numbers glued to the running text ("合作协定1 以及", "公约》10 和", "宣言，5 其中")
 * and replaces each with a mark character, so the number leaves the text and the mark's place
 * becomes a link to its footnote.
 *
 * <p>A number is a mark only when the document has that footnote and the number fits the order
 * in which footnotes appear: marks count up through a document, and only a number after
 * punctuation may point back to an earlier note. A number after a space and a word ("目标 7 的")
 * or before a counter word ("2016 年", "第 24 段") is text.
 */
final class FootnoteMarker {

    private static final String CLOSING = "》」』”’)）]";
    private static final String CLAUSE = "、，。；：,;:";
    /** A number opening a line, continuing the line above. */
    private static final Pattern LINE_START_MARK = Pattern.compile("^(\\d{1,3})(?=[\\s\u3000]|$)");
    private static final Pattern COUNTER_AFTER = Pattern.compile("[\\s\u3000]*[年月日号卷个次届段条款项名岁%％页章节]");

    private final Set<Integer> footnotes;
    private final boolean latin;
    private int last;

    FootnoteMarker(Set<Integer> footnotes, boolean latin) {
        this.footnotes = footnotes;
        this.latin = latin;
        // Marks count up from the document's first footnote, which is 1 except in excerpts.
        this.last = footnotes.stream().mapToInt(Integer::intValue).min().orElse(1) - 1;
    }

    /**
     * A footnote label standing alone on a line (the layout of A/RES/64/179): always a mark when
     * the footnote exists.
     */
    boolean acceptLabel(int number) {
        if (!footnotes.contains(number)) {
            return false;
        }
        last = Math.max(last, number);
        return true;
    }

    /**
     * The line with its footnote numbers replaced by marks. {@code previousLineEnd} is the last
     * character of the line above in the same paragraph, or 0.
     */
    String mark(String line, char previousLineEnd) {
        String marked = markMatches(line);
        if (previousLineEnd != 0 && (Chars.isHan(previousLineEnd) || previousLineEnd == '》')) {
            Matcher start = LINE_START_MARK.matcher(marked);
            if (start.find()) {
                int number = Integer.parseInt(start.group(1));
                if (number == last + 1 && footnotes.contains(number) && !counterFollows(marked, start.end())) {
                    last = number;
                    marked = Chars.mark(number) + marked.substring(start.end());
                }
            }
        }
        return marked;
    }

    private String markMatches(String line) {
        StringBuilder out = null;
        int copied = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            if (!Chars.isAsciiDigit(line.charAt(i)) || (i > 0 && isDigitOrDot(line.charAt(i - 1)))) {
                continue;
            }
            int end = i;
            while (end < n && Chars.isAsciiDigit(line.charAt(end))) {
                end++;
            }
            if (end - i <= 3 && fitsBefore(line, i) && fitsAfter(line, end)) {
                int number = Integer.parseInt(line.substring(i, end));
                if (isMark(line, i, end, number)) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(line, copied, i).append(Chars.mark(number));
                    copied = end;
                }
            }
            i = end - 1;
        }
        return out == null ? line : out.append(line, copied, n).toString();
    }

    private static boolean isDigitOrDot(char c) {
        return Chars.isAsciiDigit(c) || c == '.' || c == '/' || c == ',';
    }

    /** What may stand before a mark: a word or closing mark right before it, or clause punctuation. */
    private boolean fitsBefore(String line, int start) {
        if (start == 0) {
            return false;
        }
        char before = line.charAt(start - 1);
        if (latin) {
            return Chars.isLatinLetter(before) || ")”’\"'.,;:".indexOf(before) >= 0;
        }
        if (Chars.isHan(before) || CLOSING.indexOf(before) >= 0 || CLAUSE.indexOf(before) >= 0) {
            return true;
        }
        return Chars.isSpace(before) && start >= 2 && CLAUSE.indexOf(line.charAt(start - 2)) >= 0;
    }

    private boolean fitsAfter(String line, int end) {
        if (end == line.length()) {
            return true;
        }
        char after = line.charAt(end);
        return Chars.isSpace(after) || (!latin && (after == '《' || after == '“' || "，。；、：".indexOf(after) >= 0));
    }

    private boolean isMark(String line, int start, int end, int number) {
        if (!footnotes.contains(number) || counterFollows(line, end)) {
            return false;
        }
        if (end < line.length() && "，。；、：".indexOf(line.charAt(end)) >= 0
                && (start == 0 || "》」』”’)）".indexOf(line.charAt(start - 1)) < 0)) {
            // "》3，" is a mark; "项3，" is more likely a count.
            return false;
        }
        if (number > last && number <= last + 3) {
            last = number;
            return true;
        }
        // Pointing back to an earlier footnote: only right after punctuation ("公约》、2 1971 年").
        return number <= last && precededByPunctuation(line, start);
    }

    private static boolean counterFollows(String line, int end) {
        return COUNTER_AFTER.matcher(line).region(end, line.length()).lookingAt();
    }

    private static boolean precededByPunctuation(String line, int start) {
        int i = start - 1;
        while (i >= 0 && Chars.isSpace(line.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = line.charAt(i);
        return c == '》' || c == '、' || c == '，' || c == '；' || c == '：' || c == '。' || c == ')' || c == '）'
                || c == '”' || c == ',' || c == ';';
    }
}
