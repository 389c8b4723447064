package org.paraterm.corpus;

/** Character classes the cleaning steps (and the miner) decide by. */
public final class Chars {

    /** Private-use characters stand for footnote marks while a paragraph is being put together. */
    static final char MARK_BASE = '\uE000';
    static final int MAX_MARK = 0x18FF;

    private Chars() {
    }

    public static boolean isHan(int c) {
        // The common blocks first: Character.UnicodeScript.of is a binary search and this test
        // runs on every character of the corpus.
        if (c >= 0x4E00 && c <= 0x9FFF) {
            return true;
        }
        if (c < 0x2E80) {
            return false;
        }
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Full-width and CJK punctuation: 。，、；：！？《》「」（）【】 and the like, and Chinese quotes. */
    static boolean isCjkPunctuation(int c) {
        return (c >= 0x3000 && c <= 0x303F)
                || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20)
                || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65)
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '…' || c == '—' || c == '·';
    }

    /** Han characters and CJK punctuation: around these, a space is an artefact of the PDF. */
    static boolean isCjk(int c) {
        return isHan(c) || isCjkPunctuation(c);
    }

    static boolean isLatinLetter(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return c < 0x2E80 && Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isMark(char c) {
        return c >= MARK_BASE && c <= MARK_BASE + MAX_MARK;
    }

    static char mark(int footnote) {
        return (char) (MARK_BASE + Math.min(footnote, MAX_MARK));
    }

    static int markNumber(char c) {
        return c - MARK_BASE;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\u2002' || c == '\u2003'
                || c == '\u2009' || c == '\u200B';
    }

    /** Ends a paragraph or clause in a UN resolution or report. */
    static boolean isClauseEnd(int c) {
        return c == '。' || c == '；' || c == '，' || c == '：' || c == '！' || c == '？'
                || c == '.' || c == ';' || c == ',' || c == ':' || c == '!' || c == '?';
    }

    static String stripSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean endsWithSpace(String s) {
        return !s.isEmpty() && isSpace(s.charAt(s.length() - 1));
    }
}
