package org.paraterm.corpus;

/** A sentence of a paragraph; {@code index} counts from 0 over the whole document. */
public record Sentence(int index, Span span) {

    public Sentence {
        if (index < 0) {
            throw new IllegalArgumentException("negative sentence index " + index);
        }
        java.util.Objects.requireNonNull(span, "span");
    }
}
