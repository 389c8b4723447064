package org.paraterm.corpus;

/**
 * Where the text referred to footnote {@code number}: the mark sits just before character
 * {@code offset} of the cleaned text (so after the word it annotates).
 */
public record FootnoteMark(int number, int offset) {

    public FootnoteMark {
        if (number < 1 || offset < 0) {
            throw new IllegalArgumentException("bad footnote mark " + number + " at " + offset);
        }
    }
}
