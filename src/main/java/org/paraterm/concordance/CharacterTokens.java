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
    private int position = -1;
    /** For the unigram field: 0 the character itself, 1 a word start, 2 a word end still to emit here. */
    private int step;

    CharacterTokens(String normalizedText, boolean bigrams) {
        this.text = normalizedText;
        this.bigrams = bigrams;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        if (bigrams) {
            position++;
            if (position + 1 >= text.length()) {
                return false;
            }
            emit(Characters.bigram(text.charAt(position), text.charAt(position + 1)), 1);
            return true;
        }
        while (true) {
            if (step == 0) {
                position++;
                if (position >= text.length()) {
                    return false;
                }
                step = 1;
                emit(Characters.unigram(text.charAt(position)), 1);
                return true;
            }
            if (step == 1) {
                step = 2;
                if (Characters.startsWord(text, position)) {
                    emit(Characters.WORD_START, 0);
                    return true;
                }
            }
            step = 0;
            if (Characters.endsWord(text, position)) {
                emit(Characters.WORD_END, 0);
                return true;
            }
        }
    }

    private void emit(String value, int positionIncrement) {
        term.setEmpty().append(value);
        increment.setPositionIncrement(positionIncrement);
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        position = -1;
        step = 0;
    }
}
