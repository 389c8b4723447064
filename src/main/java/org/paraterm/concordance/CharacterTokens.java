package org.paraterm.concordance;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The tokens of one text unit, one position per character so that a token's position is its
 * character offset in the unit. The bigram field holds the two characters starting at each
 * position; the unigram field holds each character and, at the same position, the Latin word
 * edges ({@link Characters#WORD_START}, {@link Characters#WORD_END}). No analyzer decides what a
 * word is: every substring of the text can be found.
 */
final class CharacterTokens extends TokenStream {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final String text;
    private final boolean bigrams;
    /** For the unigram field: which characters belong to Latin words, worked out once per unit. */
    private final boolean[] word;
    private int position = -1;
    /** For the unigram field: 0 the character itself, 1 a word start, 2 a word end still to emit here. */
    private int step;

    CharacterTokens(String normalizedText, boolean bigrams) {
        this.text = normalizedText;
        this.bigrams = bigrams;
        this.word = new boolean[bigrams ? 0 : normalizedText.length()];
        for (int i = 0; i < word.length; i++) {
            word[i] = Characters.isWordCharacter(normalizedText.charAt(i));
        }
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        if (bigrams) {
            position++;
            if (position + 1 >= text.length()) {
                return false;
            }
            term.setEmpty();
            append(text.charAt(position));
            append(text.charAt(position + 1));
            return true;
        }
        while (true) {
            if (step == 0) {
                position++;
                if (position >= text.length()) {
                    return false;
                }
                step = 1;
                term.setEmpty();
                append(text.charAt(position));
                return true;
            }
            if (step == 1) {
                step = 2;
                if (word[position] && (position == 0 || !word[position - 1])) {
                    term.setEmpty().append(Characters.WORD_START);
                    increment.setPositionIncrement(0);
                    return true;
                }
            }
            step = 0;
            if (word[position] && (position == text.length() - 1 || !word[position + 1])) {
                term.setEmpty().append(Characters.WORD_END);
                increment.setPositionIncrement(0);
                return true;
            }
        }
    }

    /** Appends one UTF-16 unit to the term the way {@link Characters#appendUnit} does. */
    private void append(char c) {
        if (Character.isSurrogate(c)) {
            int codePoint = Characters.SURROGATE_STAND_IN + (c - Character.MIN_SURROGATE);
            term.append(Character.highSurrogate(codePoint)).append(Character.lowSurrogate(codePoint));
        } else {
            term.append(c);
        }
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        position = -1;
        step = 0;
    }
}
