package org.paraterm.corpus;

import java.util.Objects;

/** A numbered footnote, its text cleaned like the body's. */
public record Footnote(int number, String text) {

    public Footnote {
        if (number < 1) {
            throw new IllegalArgumentException("footnote number must be positive: " + number);
        }
        Objects.requireNonNull(text, "text");
    }
}
