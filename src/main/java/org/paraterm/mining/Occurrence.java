package org.paraterm.mining;

/** Where a candidate occurs: a document (by its index in the mined corpus) and a sentence of it. */
public record Occurrence(int document, int sentence, int offset) {
}
