package org.paraterm.concordance;

import org.paraterm.corpus.MatchText;

/**
 * How the concordance sees characters: the match form of the text ({@link MatchText}) with letters
 * lower-cased one character for one, so that a position in the index is a position in the cleaned
 * text. Latin words (letters and digits of any script but Han) have edges, so that English is
 * matched as whole words while Chinese is matched as any substring.
 */
final class Characters {

    /** Index term at the first character of a Latin word. */
    static final String WORD_START = "\u0001<";
    /** Index term at the last character of a Latin word. */
    static final String WORD_END = "\u0001>";

    /** The first of the code points that stand in for lone surrogates (supplementary private use area B). */
    static final int SURROGATE_STAND_IN = 0x100000;

    private Characters() {
    }

    /** The text as the index holds it: match form, lower case, same length. */
    static String normalize(String text) {
        char[] chars = MatchText.of(text).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) && !isHan(c);
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static boolean startsWord(CharSequence text, int i) {
        return isWordCharacter(text.charAt(i)) && (i == 0 || !isWordCharacter(text.charAt(i - 1)));
    }

    static boolean endsWord(CharSequence text, int i) {
        return isWordCharacter(text.charAt(i)) && (i == text.length() - 1 || !isWordCharacter(text.charAt(i + 1)));
    }

    /**
     * Appends one UTF-16 unit to an index term. A lone surrogate (half of a character outside the
     * basic plane, cut by a bigram) would turn into U+FFFD in UTF-8 and collide with every other
     * half; it becomes a character of the supplementary private use plane B instead, one for each
     * surrogate, so that terms stay distinct.
     */
    static void appendUnit(StringBuilder term, char c) {
        if (Character.isSurrogate(c)) {
            term.appendCodePoint(SURROGATE_STAND_IN + (c - Character.MIN_SURROGATE));
        } else {
            term.append(c);
        }
    }

    static String unigram(char c) {
        StringBuilder term = new StringBuilder(2);
        appendUnit(term, c);
        return term.toString();
    }

    static String bigram(char first, char second) {
        StringBuilder term = new StringBuilder(4);
        appendUnit(term, first);
        appendUnit(term, second);
        return term.toString();
    }
}
