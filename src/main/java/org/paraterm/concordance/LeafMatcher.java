package org.paraterm.concordance;

import java.io.IOException;

/**
 * Finds the hits of one part of a query in one index segment, document by document, in increasing
 * document order. Hits are character ranges {@code [start, end)} in the unit's text.
 */
abstract class LeafMatcher {

    static final int NO_MORE_DOCS = org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;

    /** The current document, -1 before the first, {@link #NO_MORE_DOCS} after the last. */
    abstract int docID();

    /** Moves to the next document that has at least one hit. */
    abstract int nextDoc() throws IOException;

    /** Moves to the first document at or after {@code target} that has at least one hit. */
    int advance(int target) throws IOException {
        int doc = docID();
        while (doc < target) {
            doc = nextDoc();
        }
        return doc;
    }

    /** Appends the current document's hits, in text order and not overlapping. */
    abstract void hits(IntList starts, IntList ends) throws IOException;
}
