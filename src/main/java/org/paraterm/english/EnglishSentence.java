package org.paraterm.english;

import java.util.List;

/**
 * One English sentence: its half-open UTF-16 character offsets {@code [start, end)} into the text
 * that was analysed, and its tokens, whose offsets count in the same text.
 */
public record EnglishSentence(int start, int end, List<EnglishToken> tokens) {

    public EnglishSentence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
        }
        tokens = List.copyOf(tokens);
    }
}
