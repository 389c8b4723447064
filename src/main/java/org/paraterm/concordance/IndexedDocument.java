package org.paraterm.concordance;

import java.util.Objects;

/**
 * What the concordance keeps of a document beside its text: enough to label, filter and place a
 * hit without asking the database.
 *
 * @param id     the document's id in the database
 * @param hash   the content hash of the file it was read from, to see that the index is current
 * @param year   the year of its date, or 0 when it has none
 * @param length the length of its cleaned text in characters
 */
public record IndexedDocument(long id, String hash, String source, String symbol, String title, String body,
                              int year, String language, int length) {

    public IndexedDocument {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(source, "source");
    }

    /** The symbol, or the file name for a document that prints none. */
    public String label() {
        return symbol != null ? symbol : source;
    }
}
