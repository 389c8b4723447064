package org.paraterm.english;

/**
 * One English token with its half-open UTF-16 character offsets {@code [start, end)} into the text
 * that was analysed, its Universal Dependencies part of speech ({@code NOUN}, {@code ADJ},
 * {@code PROPN}, {@code ADP}, …) and its lemma (lower case as the model gives it; {@code fighters} →
 * {@code fighter}).
 */
public record EnglishToken(String text, int start, int end, String pos, String lemma) {

    public EnglishToken {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
        }
    }
}
