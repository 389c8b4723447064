package org.paraterm.corpus;

import java.util.Locale;

/**
 * The form of a text used for matching: full-width brackets, letters and digits become their
 * half-width forms and the ideographic space a space, one character for one, so offsets stay
 * valid in the displayed text. Chinese punctuation (，。《》) is left as it is: it has no
 * half-width twin in Chinese typography.
 */
public final class MatchText {

    private MatchText() {
    }

    public static String of(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = unify(chars[i]);
        }
        return new String(chars);
    }

    /**
     * The form in which searches compare terms (the glossary's stored {@code match_text}): stripped,
     * width-unified and in lower case.
     */
    public static String searchForm(String text) {
        return text == null ? "" : of(text.strip()).toLowerCase(Locale.ROOT);
    }

    static char unify(char c) {
        if (c == '（' || c == '）' || c == '［' || c == '］' || c == '｛' || c == '｝'
                || (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')
                || c == '／' || c == '－' || c == '．') {
            return (char) (c - 0xFEE0);
        }
        if (c == '〔') {
            return '[';
        }
        if (c == '〕') {
            return ']';
        }
        if (c == '\u3000') {
            return ' ';
        }
        return c;
    }
}
