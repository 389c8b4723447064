package org.paraterm.corpus;

import java.util.Objects;

/**
 * A UN document symbol cited by a document. {@code span} locates it in the cleaned body text when
 * it was found there ({@link ReferenceSource#TEXT} and {@link ReferenceSource#RESOLUTION}), and is
 * null for links and footnotes.
 */
public record Reference(String symbol, ReferenceSource source, Span span) {

    public Reference {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(source, "source");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("empty symbol");
        }
    }

    public String url() {
        return UnSymbols.undocsUrl(symbol);
    }
}
