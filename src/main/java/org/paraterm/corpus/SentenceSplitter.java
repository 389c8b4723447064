package org.paraterm.corpus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a paragraph into sentences after 。！？； (and after . ! ? ; followed by a space in Latin
 * text), never inside 《…》, brackets or quotation marks. A bracket that never closes is ignored,
 * so one stray "(" cannot swallow the rest of a paragraph.
 */
final class SentenceSplitter {

    private static final String OPENERS = "《（(［[〔【「『“‘";
    private static final String CLOSERS = "》）)］]〕】」』”’";
    /** Characters that stay with the sentence they close: closing quotes and brackets. */
    private static final String TRAILERS = "”’」』）)》】";

    private SentenceSplitter() {
    }

    /** Sentence spans of {@code text}, as offsets from {@code base}. */
    static List<Span> split(String text, int base) {
        boolean[] enclosed = enclosed(text);
        List<Span> sentences = new ArrayList<>();
        int start = skipSpaces(text, 0);
        for (int i = 0; i < text.length(); i++) {
            if (enclosed[i] || !endsSentence(text, i)) {
                continue;
            }
            int end = i + 1;
            while (end < text.length() && TRAILERS.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            if (end > start) {
                sentences.add(new Span(base + start, base + trimEnd(text, start, end)));
            }
            start = skipSpaces(text, end);
            i = end - 1;
        }
        if (start < text.length()) {
            int end = trimEnd(text, start, text.length());
            if (end > start) {
                sentences.add(new Span(base + start, base + end));
            }
        }
        return sentences;
    }

    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if ((c == '”' || c == '’' || c == '」' || c == '』') && i > 0 && "。！？".indexOf(text.charAt(i - 1)) >= 0) {
            // “……。” ends its sentence after the closing quote.
            return true;
        }
        if (c == '。' || c == '！' || c == '？' || c == '；') {
            return true;
        }
        if (c == '.' || c == '!' || c == '?' || c == ';') {
            // Latin: only before a space and a new word, and not in "5." or "e.g.".
            boolean spaceAfter = i + 1 < text.length() && text.charAt(i + 1) == ' ';
            boolean atEnd = i + 1 == text.length();
            boolean afterWord = i > 1 && Character.isLowerCase(text.charAt(i - 1))
                    && Character.isLetter(text.charAt(i - 2));
            return (spaceAfter || atEnd) && (c != '.' || afterWord) && !Chars.isHan(nextNonSpace(text, i + 1));
        }
        return false;
    }

    private static char nextNonSpace(String text, int from) {
        int i = skipSpaces(text, from);
        return i < text.length() ? text.charAt(i) : 0;
    }

    /** Which characters lie inside a bracket or quotation pair that closes. */
    private static boolean[] enclosed(String original) {
        // Matched on the unified form so that "（…)" written with mixed widths still pairs.
        String text = MatchText.of(original);
        int[] depthChange = new int[text.length() + 1];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int closer = CLOSERS.indexOf(c);
            if (closer >= 0 && !open.isEmpty()) {
                // Close the nearest opener of the same pair; openers left unclosed are dropped.
                char opener = OPENERS.charAt(closer);
                while (!open.isEmpty() && text.charAt(open.peek()) != opener) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    depthChange[open.pop() + 1]++;
                    depthChange[i]--;
                    continue;
                }
            }
            if (OPENERS.indexOf(c) >= 0) {
                open.push(i);
            }
        }
        boolean[] inside = new boolean[text.length()];
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            depth += depthChange[i];
            inside[i] = depth > 0;
        }
        return inside;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Chars.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Chars.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
