package org.paraterm.concordance;

import io.micronaut.core.annotation.Nullable;

/**
 * Which documents a search looks in: one document, an issuing body, a year; null means any.
 */
public record ConcordanceFilter(@Nullable Long doc, @Nullable String body, @Nullable Integer year) {

    public static final ConcordanceFilter ALL = new ConcordanceFilter(null, null, null);

    public boolean isAll() {
        return doc == null && body == null && year == null;
    }

    public boolean accepts(IndexedDocument document) {
        return document != null
                && (doc == null || doc == document.id())
                && (body == null || body.equals(document.body()))
                && (year == null || year == document.year());
    }
}
