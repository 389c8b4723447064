package org.paraterm.concordance;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * One hit in its context, as a concordance line shows it.
 *
 * @param doc       the document's database id
 * @param symbol    the document's symbol (or file name)
 * @param paragraph the paragraph's index in the document, or null for a hit in a footnote
 * @param footnote  the footnote's number for a hit in a footnote, else null
 * @param offset    where the hit starts: a character offset in the document's cleaned text, or in
 *                  the footnote's text for a hit in a footnote
 * @param left      up to the context width of text before the hit, within its paragraph
 * @param match     the hit as the text shows it
 * @param right     up to the context width of text after the hit, within its paragraph
 * @param href      the paragraph (or footnote) in the document page, the hit highlighted
 */
public record KwicLine(long doc, String symbol, @Nullable Integer paragraph, @Nullable Integer footnote, int offset,
                       String left, String match, String right, String href) {

    public KwicLine {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(match, "match");
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
    }
}
